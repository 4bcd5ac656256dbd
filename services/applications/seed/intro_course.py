"""The free course "Introduction to Mining Certification", seeded once by a migration (frozen like certifications.py).

Bodies are Markdown (CommonMark, ``common/markdown.py``). A paragraph that is only
``[[certifications]]`` or ``[[requirements]]`` is filled from the certification data when the module is shown, so the
course always lists the certifications and documents an administrator has set.
"""
from __future__ import annotations

MODULES: list[dict] = [
    {"key": "about", "title_en": "What the Mine Supervisor Certification is",
     "title_fr": "Qu'est-ce que la certification des surveillants de mines?",
     "body_en": """\
In the Northwest Territories and Nunavut, the people who supervise work at a mine must hold a certificate from the
Workers' Safety and Compensation Commission (WSCC). The certificate shows that you know the safety rules of the mine
and can lead a crew safely.

To be certified you take an online course and pass its exam. Your employer buys a license for the course and exam
and gives you its code.

This free introduction explains how to apply, which documents to send and how to use your employer's code.""",
     "body_fr": """\
Dans les Territoires du Nord-Ouest et au Nunavut, les personnes qui surveillent le travail dans une mine doivent
détenir un certificat de la Commission de la sécurité au travail et de l'indemnisation des travailleurs (CSTIT). Le
certificat atteste que vous connaissez les règles de sécurité de la mine et que vous pouvez diriger une équipe en
toute sécurité.

Pour être certifié, vous suivez un cours en ligne et réussissez son examen. Votre employeur se procure une licence
pour le cours et l'examen et vous en remet le code.

Ce cours gratuit d'introduction explique comment présenter une demande, quels documents fournir et comment utiliser
le code de votre employeur."""},
    {"key": "certifications", "title_en": "The eight certifications", "title_fr": "Les huit certifications",
     "body_en": """\
There are eight certifications. Choose the one that matches the work you will supervise:

[[certifications]]

A **Shift Boss** leads a crew on one shift. A **Level I** supervisor oversees exploration or surface work. A
**Level II** supervisor holds the senior supervisory role and needs a Level I certificate or its equivalent first.""",
     "body_fr": """\
Il existe huit certifications. Choisissez celle qui correspond au travail que vous surveillerez :

[[certifications]]

Un **chef de poste** dirige une équipe pendant un quart de travail. Un surveillant de **niveau I** encadre des
travaux d'exploration ou de surface. Un surveillant de **niveau II** occupe le poste de surveillance principal et
doit d'abord détenir un certificat de niveau I ou l'équivalent."""},
    {"key": "applying", "title_en": "How to apply", "title_fr": "Comment présenter une demande",
     "body_en": """\
You apply for one certification at a time:

1. Choose the certification.
2. Upload each required document: a PDF, JPEG or PNG file of 10 MB at most.
3. Check that nothing is missing, then submit your application.

You can change your documents until you submit. If your application is refused, you may apply again once you have
the missing qualifications.""",
     "body_fr": """\
Vous présentez une demande pour une seule certification à la fois :

1. Choisissez la certification.
2. Téléversez chaque document exigé : un fichier PDF, JPEG ou PNG d'au plus 10 Mo.
3. Vérifiez qu'il ne manque rien, puis soumettez votre demande.

Vous pouvez modifier vos documents jusqu'à la soumission. Si votre demande est refusée, vous pourrez en présenter
une nouvelle après avoir acquis les qualifications qui manquaient."""},
    {"key": "documents", "title_en": "The documents each certification needs",
     "title_fr": "Les documents exigés pour chaque certification",
     "body_en": """\
WSCC needs these documents before you may take the course and exam:

[[requirements]]

Send clear, complete and readable copies. A scan or a photo taken with your phone is fine.""",
     "body_fr": """\
La CSTIT a besoin de ces documents avant que vous puissiez suivre le cours et passer l'examen :

[[requirements]]

Envoyez des copies nettes, complètes et lisibles. Un document numérisé ou une photo prise avec votre téléphone
convient."""},
    {"key": "review", "title_en": "How your application is reviewed and the 90-day window",
     "title_fr": "L'examen de votre demande et le délai de 90 jours",
     "body_en": """\
A WSCC reviewer reads your documents, then:

- **approves** your application: you then have **90 days from the approval** to use your license code;
- **refuses** it and tells you why: you may apply again later;
- or **asks for more documents**: upload them and submit your application again.

You receive an e-mail at each step and can follow your application in the portal.""",
     "body_fr": """\
Un examinateur de la CSTIT lit vos documents, puis :

- **approuve** votre demande : vous disposez alors de **90 jours après l'approbation** pour utiliser votre code
  de licence;
- la **refuse** et vous en donne la raison : vous pourrez présenter une nouvelle demande plus tard;
- ou **demande d'autres documents** : téléversez-les et soumettez de nouveau votre demande.

Vous recevez un courriel à chaque étape et pouvez suivre votre demande dans le portail."""},
    {"key": "license_code", "title_en": "Using your employer's license code",
     "title_fr": "Utiliser le code de licence de votre employeur",
     "body_en": """\
Your employer gives you a license code. Enter it in the portal: you can do so before you apply or after your
approval, and your employer can then follow your progress.

Once your application is approved, choose **use my license** before the deadline. The course and exam for your
certification open at once.

Questions? Write to MiningCertification@wsc.nt.ca.""",
     "body_fr": """\
Votre employeur vous remet un code de licence. Entrez-le dans le portail : vous pouvez le faire avant de présenter
votre demande ou après l'approbation, et votre employeur peut alors suivre votre progression.

Une fois votre demande approuvée, choisissez **utiliser ma licence** avant la date limite. Le cours et l'examen de
votre certification s'ouvrent aussitôt.

Des questions? Écrivez à MiningCertification@wsc.nt.ca."""},
]
