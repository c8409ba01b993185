from marsad.model import RECORD_KEYS, Actor, ErrorInfo, Record


def test_record_has_every_key_in_spec_order():
    d = Record(id="x").to_dict()
    assert tuple(d) == RECORD_KEYS
    assert d["entities"] == [] and d["events"] == [] and d["error"] is None


def test_nested_records_serialise_to_plain_json():
    a = Actor("واشنطن", "United States", "USA", "GOV", "country:USA", 3, 9)
    r = Record(id="x", error=ErrorInfo("E_EMPTY", "empty"))
    assert r.to_dict()["error"] == {"code": "E_EMPTY", "message": "empty"}
    assert a.to_dict() == {"text": "واشنطن", "name": "United States", "country": "USA",
                           "sector": "GOV", "kb_id": "country:USA", "start": 3, "end": 9}
