"""Queries written the way people ask: questions naming a speaker, titles before names."""

from .conftest import run, run_json


def test_a_question_naming_a_person_searches_what_they_said(seed_index):
    result = run(seed_index, "search", "what did ASG Lopez say about ClearCheck?",
                 "--format", "json")
    assert result.exit_code == 0
    assert "searching paragraphs spoken by Martha Helena Lopez" in result.stderr
    import json

    out = json.loads(result.stdout)
    assert out["total"] >= 1
    assert all("Martha Helena Lopez" in h["speakers"] for h in out["hits"])
    plain = run_json(seed_index, "search", "ClearCheck", "--speaker", "Lopez", "--format",
                     "json")
    assert out["total"] == plain["total"]


def test_a_question_without_a_person_keeps_its_content_words(seed_index):
    asked = run_json(seed_index, "search", "what is the shadow pandemic?", "--format", "json")
    plain = run_json(seed_index, "search", "shadow pandemic", "--format", "json")
    assert asked["total"] == plain["total"] == 1


def test_plain_queries_are_not_questions(seed_index):
    out = run_json(seed_index, "search", "Lopez accountability", "--format", "json")
    assert out["total"] == run_json(seed_index, "search", "lopez accountability", "--format",
                                    "json")["total"]
