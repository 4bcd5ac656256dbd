"""Notifications writes links to the paths of common.links; the front door must serve exactly those."""
from common.links import LINK_PATHS


def test_every_emailed_link_path_is_a_route_of_the_front_door(app):
    rules = {rule.rule for rule in app.url_map.iter_rules()}
    for path in LINK_PATHS.values():
        assert f"{path}<token>" in rules
