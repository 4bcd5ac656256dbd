"""The eight certifications and the documents each requires: sensible defaults, seeded once by a migration.

The real requirements are WSCC's to set: an administrator edits them through the API afterwards. This module is
read by the migration that seeded them and must stay as it was; change the data with a new migration or the API.
"""
from __future__ import annotations


def _requirement(code: str, name_en: str, name_fr: str, description_en: str, description_fr: str) -> dict:
    return {"code": code, "name_en": name_en, "name_fr": name_fr,
            "description_en": description_en, "description_fr": description_fr}


IDENTITY = _requirement(
    "identity", "Proof of identity", "Preuve d'identité",
    "A government-issued photo identification, such as a driver's licence, a passport or a general "
    "identification card, showing your full name and date of birth.",
    "Une pièce d'identité avec photo délivrée par un gouvernement, comme un permis de conduire, un passeport ou "
    "une carte d'identité générale, indiquant votre nom complet et votre date de naissance.")

FIRST_AID = _requirement(
    "first_aid", "Current first aid certificate", "Certificat de secourisme valide",
    "A standard first aid and CPR certificate that is valid on the day you apply.",
    "Un certificat de secourisme général et de RCR valide à la date de votre demande.")


def _experience(years: int, hours: str, setting_en: str, setting_fr: str) -> dict:
    return _requirement(
        "mining_experience", "Proof of mining experience", "Preuve d'expérience minière",
        f"Letters from your employers confirming at least {years} years ({hours} hours) of work in "
        f"{setting_en}, with your positions and the dates worked.",
        f"Des lettres de vos employeurs confirmant au moins {years} ans ({hours} heures) de travail dans "
        f"{setting_fr}, avec vos postes et les dates travaillées.")


def _level_one_certificate(stream_en: str, stream_fr: str) -> dict:
    return _requirement(
        "prior_certificate", "Level I certificate or equivalent", "Certificat de niveau I ou l'équivalent",
        f"Your Supervisor Level I certificate, or an equivalent supervisor's certificate, for {stream_en}; "
        "a certificate from another jurisdiction is accepted with its description.",
        f"Votre certificat de surveillant de niveau I, ou un certificat de surveillant équivalent, pour "
        f"{stream_fr}; un certificat d'une autre autorité est accepté avec sa description.")


SUPERVISOR_REFERENCE = _requirement(
    "supervisor_reference", "Supervisor's reference", "Référence d'un superviseur",
    "A signed letter from your current supervisor or mine manager stating that you are ready to lead a crew.",
    "Une lettre signée par votre superviseur actuel ou le directeur de la mine attestant que vous êtes prêt à "
    "diriger une équipe.")

OPEN_PIT_EN, OPEN_PIT_FR = "open pit mining operations", "des exploitations minières à ciel ouvert"
UNDERGROUND_EN, UNDERGROUND_FR = "underground mining operations", "des exploitations minières souterraines"
EXPLORATION_EN, EXPLORATION_FR = "mineral exploration projects", "des projets d'exploration minérale"
SURFACE_EN, SURFACE_FR = "surface mining operations", "des exploitations minières de surface"

CERTIFICATIONS: list[dict] = [
    {"code": "shift_boss_open_pit", "name_en": "Shift Boss – Open Pit",
     "name_fr": "Chef de poste – mine à ciel ouvert",
     "requirements": [IDENTITY, _experience(2, "4,000", OPEN_PIT_EN, OPEN_PIT_FR), FIRST_AID,
                      SUPERVISOR_REFERENCE]},
    {"code": "shift_boss_underground", "name_en": "Shift Boss – Underground",
     "name_fr": "Chef de poste – mine souterraine",
     "requirements": [IDENTITY, _experience(2, "4,000", UNDERGROUND_EN, UNDERGROUND_FR), FIRST_AID,
                      SUPERVISOR_REFERENCE]},
    {"code": "supervisor_1_exploration", "name_en": "Supervisor Level I – Exploration",
     "name_fr": "Surveillant, niveau I – exploration",
     "requirements": [IDENTITY, _experience(1, "2,000", EXPLORATION_EN, EXPLORATION_FR), FIRST_AID]},
    {"code": "supervisor_1_surface", "name_en": "Supervisor Level I – Surface",
     "name_fr": "Surveillant, niveau I – surface",
     "requirements": [IDENTITY, _experience(1, "2,000", SURFACE_EN, SURFACE_FR), FIRST_AID]},
    {"code": "supervisor_2_exploration", "name_en": "Supervisor Level II – Exploration",
     "name_fr": "Surveillant, niveau II – exploration",
     "requirements": [IDENTITY, _experience(3, "6,000", EXPLORATION_EN, EXPLORATION_FR), FIRST_AID,
                      _level_one_certificate("exploration", "l'exploration")]},
    {"code": "supervisor_2_open_pit", "name_en": "Supervisor Level II – Open Pit",
     "name_fr": "Surveillant, niveau II – mine à ciel ouvert",
     "requirements": [IDENTITY, _experience(3, "6,000", OPEN_PIT_EN, OPEN_PIT_FR), FIRST_AID,
                      _level_one_certificate("surface or open pit work, or a Shift Boss – Open Pit certificate",
                                             "le travail en surface ou à ciel ouvert, ou un certificat de chef "
                                             "de poste – mine à ciel ouvert")]},
    {"code": "supervisor_2_underground", "name_en": "Supervisor Level II – Underground",
     "name_fr": "Surveillant, niveau II – mine souterraine",
     "requirements": [IDENTITY, _experience(3, "6,000", UNDERGROUND_EN, UNDERGROUND_FR), FIRST_AID,
                      _level_one_certificate("underground work, or a Shift Boss – Underground certificate",
                                             "le travail souterrain, ou un certificat de chef de poste – mine "
                                             "souterraine")]},
    {"code": "supervisor_2_surface", "name_en": "Supervisor Level II – Surface",
     "name_fr": "Surveillant, niveau II – surface",
     "requirements": [IDENTITY, _experience(3, "6,000", SURFACE_EN, SURFACE_FR), FIRST_AID,
                      _level_one_certificate("surface work", "le travail en surface")]},
]
