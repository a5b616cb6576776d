"""Demo events: the network's IMRF side events of May 2022, the 2016 Women's Caucus in New York, and a few
upcoming events placed relative to the day the demo is loaded (so the upcoming list is never empty).

Facts (dates, titles, organizers, moderators, co-sponsors) come from the network's site (shared/seeds); times of day,
venues and wording are the demo's own. Co-sponsors link to the campaigns app's directory by slug when
the organization is there, and are kept as plain names otherwise (governments, UN agencies, missions).
"""

import datetime
import zoneinfo

from django.core.files.base import ContentFile

from campaigns.models import CampaignPage, Organization
from wimn_site.factories import DocumentFactory, minimal_pdf, rich, translated
from wimn_site.models import Topic

from .factories import EventIndexPageFactory, EventPageFactory
from .models import EventPage, EventParticipant
from .times import now

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")
UN_WEB_TV = "https://webtv.un.org/"
UN_HQ = {
    "venue": {
        "en": "United Nations Headquarters",
        "es": "Sede de las Naciones Unidas",
        "pt": "Sede das Nações Unidas",
        "fr": "Siège de l'Organisation des Nations Unies",
    },
    "address": "405 East 42nd Street, New York, NY 10017, United States",
}

INDEX = {
    "title": {"en": "Events", "es": "Eventos", "pt": "Eventos", "fr": "Événements"},
    "intro": {
        "en": "Side events at UN meetings, women's caucuses and webinars convened by the network and its members. "
        "Times are given where each event takes place; add any event to your calendar.",
        "es": "Eventos paralelos en reuniones de la ONU, caucus de mujeres y seminarios web convocados por la red "
        "y sus miembros. Los horarios son los del lugar de cada evento; añada cualquiera a su calendario.",
        "pt": "Eventos paralelos em reuniões da ONU, caucus de mulheres e webinários convocados pela rede e seus "
        "membros. Os horários são os do local de cada evento; adicione qualquer um ao seu calendário.",
        "fr": "Événements parallèles aux réunions de l'ONU, caucus de femmes et webinaires organisés par le réseau "
        "et ses membres. Les horaires sont ceux du lieu de chaque événement ; ajoutez-les à votre agenda.",
    },
}

WIMN = ("wimn", {"en": "Women in Migration Network (WIMN)"})


def _government(en, es, pt, fr):
    return {"en": en, "es": es, "pt": pt, "fr": fr}


REINTEGRATION = {
    "slug": "sustainable-reintegration-migrant-trafficked-women",
    "title": {
        "en": "Sustainable Re/integration of migrant and trafficked women in Asia, Europe, and Latin America",
        "es": "Re/integración sostenible de mujeres migrantes y víctimas de trata en Asia, Europa y América Latina",
        "pt": "Re/integração sustentável de mulheres migrantes e traficadas na Ásia, Europa e América Latina",
        "fr": "Ré/intégration durable des femmes migrantes et victimes de traite en Asie, en Europe et en "
        "Amérique latine",
    },
    "summary": {
        "en": "An IMRF side event, in person and online, on what lasting return and re/integration require for "
        "migrant women and survivors of trafficking, with experience from Bangladesh, Colombia and the Netherlands.",
        "es": "Evento paralelo del FEMI, presencial y en línea, sobre lo que exigen un retorno y una re/integración "
        "duraderos para las mujeres migrantes y sobrevivientes de trata, con experiencias de Bangladés, Colombia y "
        "los Países Bajos.",
        "pt": "Evento paralelo do FRMI, presencial e online, sobre o que exigem um retorno e uma re/integração "
        "duradouros para mulheres migrantes e sobreviventes de tráfico, com experiências de Bangladesh, Colômbia "
        "e Países Baixos.",
        "fr": "Événement parallèle du FEMI, en présentiel et en ligne, sur ce qu'exigent un retour et une "
        "ré/intégration durables pour les femmes migrantes et les survivantes de la traite, avec des expériences "
        "du Bangladesh, de Colombie et des Pays-Bas.",
    },
    "body": {
        "en": rich(
            "Return is not the end of a migration story. Women who come back from work abroad, or who escape "
            "trafficking, need decent work, health care, protection from stigma and a say in the programmes "
            "meant for them. Speakers from government, the UN and civil society compared what works."
        ),
        "es": rich(
            "El retorno no es el final de una historia migratoria. Las mujeres que regresan del trabajo en el "
            "exterior, o que escapan de la trata, necesitan trabajo decente, atención de salud, protección frente "
            "al estigma y voz en los programas pensados para ellas. Participantes de gobiernos, la ONU y la "
            "sociedad civil compararon lo que funciona."
        ),
        "pt": rich(
            "O retorno não é o fim de uma história migratória. As mulheres que voltam do trabalho no exterior, ou "
            "que escapam do tráfico, precisam de trabalho decente, atenção à saúde, proteção contra o estigma e voz "
            "nos programas pensados para elas. Participantes de governos, da ONU e da sociedade civil compararam o "
            "que funciona."
        ),
        "fr": rich(
            "Le retour n'est pas la fin d'un parcours migratoire. Les femmes qui reviennent d'un travail à "
            "l'étranger, ou qui échappent à la traite, ont besoin d'un travail décent, de soins, d'une protection "
            "contre la stigmatisation et d'une voix dans les programmes qui les concernent. Des intervenantes des "
            "gouvernements, de l'ONU et de la société civile ont comparé ce qui fonctionne."
        ),
    },
    "start": datetime.datetime(2022, 5, 17, 13, 15, tzinfo=NEW_YORK),
    "end": datetime.datetime(2022, 5, 17, 14, 30, tzinfo=NEW_YORK),
    "format": EventPage.HYBRID,
    "place": UN_HQ,
    "online_url": UN_WEB_TV,
    "topics": ["imrf", "global-compact", "gender-based-violence", "labour-rights"],
    "people": [
        {
            "name": "Carol Barton",
            "role": {"en": "Co-convenor", "es": "Coconvocante", "pt": "Coconvocadora", "fr": "Co-coordinatrice"},
            "organization": "Women in Migration Network",
            "is_moderator": True,
        }
    ],
    "cosponsors": [
        (
            "government-of-bangladesh",
            _government(
                "Government of Bangladesh",
                "Gobierno de Bangladés",
                "Governo de Bangladesh",
                "Gouvernement du Bangladesh",
            ),
        ),
        (
            "ohchr",
            _government(
                "Office of the United Nations High Commissioner for Human Rights (OHCHR)",
                "Oficina del Alto Comisionado de las Naciones Unidas para los Derechos Humanos (ACNUDH)",
                "Escritório do Alto Comissariado das Nações Unidas para os Direitos Humanos (ACNUDH)",
                "Haut-Commissariat des Nations Unies aux droits de l'homme (HCDH)",
            ),
        ),
        ("gaatw", {"en": "Global Alliance Against Traffic in Women (GAATW)"}),
        WIMN,
        ("bnsk", {"en": "Bangladesh Nari Sramik Kendra (BNSK)"}),
        ("espacio-de-mujer", {"en": "Espacio de Mujer (Colombia)"}),
        ("fair-work", {"en": "Fair Work (Netherlands)"}),
        ("okup", {"en": "Ovibashi Karmi Unnayan Program (OKUP, Bangladesh)"}),
    ],
    "program": "Programme - Sustainable Re/integration of migrant and trafficked women - IMRF side event 17 May 2022",
}

CAUCUS_2022 = {
    "slug": "womens-caucus-imrf-2022",
    "title": {
        "en": "Women's Caucus at the International Migration Review Forum",
        "es": "Caucus de Mujeres en el Foro de Examen de la Migración Internacional",
        "pt": "Caucus de Mulheres no Fórum de Revisão da Migração Internacional",
        "fr": "Caucus des femmes au Forum d'examen des migrations internationales",
    },
    "summary": {
        "en": "The draft Progress Declaration repeats tired stories of women as victims and has no paragraph on "
        "the rights of migrant women. How do we keep women's human rights and labour rights at the centre after "
        "the IMRF?",
        "es": "El borrador de la Declaración sobre los Progresos repite viejos relatos de las mujeres como "
        "víctimas y no tiene ningún párrafo sobre los derechos de las mujeres migrantes. ¿Cómo mantener los "
        "derechos humanos y laborales de las mujeres en el centro después del FEMI?",
        "pt": "O rascunho da Declaração de Progresso repete velhas narrativas das mulheres como vítimas e não tem "
        "nenhum parágrafo sobre os direitos das mulheres migrantes. Como manter os direitos humanos e trabalhistas "
        "das mulheres no centro depois do FRMI?",
        "fr": "Le projet de Déclaration sur les progrès reprend de vieux récits de femmes victimes et ne consacre "
        "aucun paragraphe aux droits des femmes migrantes. Comment garder les droits humains et les droits au "
        "travail des femmes au centre après le FEMI ?",
    },
    "body": {
        "en": rich(
            "Convened by the Women in Migration Network during the first International Migration Review Forum, "
            "the caucus brought together women's, migrant, labour and faith organizations to agree on the next "
            "steps for gender-responsive implementation of the Global Compact."
        ),
        "es": rich(
            "Convocado por la Red de Mujeres en la Migración durante el primer Foro de Examen de la Migración "
            "Internacional, el caucus reunió a organizaciones de mujeres, de personas migrantes, sindicales y "
            "religiosas para acordar los próximos pasos hacia una implementación del Pacto Mundial con perspectiva "
            "de género."
        ),
        "pt": rich(
            "Convocado pela Rede de Mulheres na Migração durante o primeiro Fórum de Revisão da Migração "
            "Internacional, o caucus reuniu organizações de mulheres, de migrantes, sindicais e de fé para acordar "
            "os próximos passos rumo a uma implementação do Pacto Global sensível ao gênero."
        ),
        "fr": rich(
            "Réuni par le Réseau Femmes en migration pendant le premier Forum d'examen des migrations "
            "internationales, le caucus a rassemblé des organisations de femmes, de migrants, syndicales et "
            "confessionnelles pour convenir des prochaines étapes d'une mise en œuvre du Pacte mondial sensible "
            "au genre."
        ),
    },
    "start": datetime.datetime(2022, 5, 18, 8, 0, tzinfo=NEW_YORK),
    "end": datetime.datetime(2022, 5, 18, 9, 30, tzinfo=NEW_YORK),
    "format": EventPage.IN_PERSON,
    "place": {"venue": {"en": "New York"}, "address": "New York, NY, United States"},
    "online_url": "",
    "topics": ["imrf", "global-compact", "labour-rights"],
    # "Organized by Women in Migration Network/WIMN. Co-sponsored by ACT Alliance, ..." (the seed)
    "organizers": [WIMN],
    "people": [],
    "cosponsors": [
        ("act-alliance", {"en": "ACT Alliance"}),
        ("afl-cio", {"en": "AFL-CIO"}),
        ("alianza-americas", {"en": "Alianza Americas"}),
        ("bloque-latinoamericano", {"en": "Bloque Latinoamericano Sobre Migración"}),
        ("gaatw", {"en": "Global Alliance Against Traffic in Women (GAATW)"}),
        ("global-coalition-on-migration", {"en": "Global Coalition on Migration"}),
        ("imumi", {"en": "Instituto para las Mujeres en la Migración (IMUMI)"}),
        ("international-detention-coalition", {"en": "International Detention Coalition"}),
        ("latinas-en-poder", {"en": "Latinas en Poder"}),
        ("ngo-committee-on-migration", {"en": "NGO Committee on Migration"}),
        ("nnirr", {"en": "National Network for Immigrant and Refugee Rights (NNIRR)"}),
        ("picum", {"en": "Platform for International Cooperation on Undocumented Migrants (PICUM)"}),
        ("refugee-womens-commission", {"en": "Refugee Women's Commission"}),
        ("solidarity-center", {"en": "Solidarity Center"}),
    ],
}


def _mission(country_en, es, pt, fr):
    return (
        None,
        {
            "en": f"Permanent Mission of {country_en} to the United Nations",
            "es": f"Misión Permanente {es} ante las Naciones Unidas",
            "pt": f"Missão Permanente {pt} junto às Nações Unidas",
            "fr": f"Mission permanente {fr} auprès des Nations Unies",
        },
    )


PLEDGES = {
    "slug": "from-pledges-to-practices-gender-responsiveness",
    "title": {
        "en": "From pledges to practices: ‘Actioning’ and sustaining gender-responsiveness before, during and "
        "beyond migration crises",
        "es": "De los compromisos a la práctica: poner en acción y sostener la perspectiva de género antes, durante "
        "y después de las crisis migratorias",
        "pt": "Dos compromissos às práticas: pôr em ação e sustentar a perspectiva de gênero antes, durante e "
        "depois das crises migratórias",
        "fr": "Des engagements aux pratiques : mettre en œuvre et maintenir l'approche sensible au genre avant, "
        "pendant et après les crises migratoires",
    },
    "summary": {
        "en": "Practitioners and migrants with lived experience on putting gender-responsive migration governance "
        "into action, with pledges and good practices shared live during this hybrid IMRF side event.",
        "es": "Profesionales y personas migrantes con experiencia vivida sobre cómo llevar a la práctica una "
        "gobernanza migratoria con perspectiva de género, con compromisos y buenas prácticas compartidos en vivo "
        "en este evento paralelo híbrido del FEMI.",
        "pt": "Profissionais e migrantes com experiência vivida sobre como pôr em prática uma governança migratória "
        "sensível ao gênero, com compromissos e boas práticas partilhados ao vivo neste evento paralelo híbrido "
        "do FRMI.",
        "fr": "Des praticiennes et des personnes migrantes ayant l'expérience vécue expliquent comment mettre en "
        "œuvre une gouvernance des migrations sensible au genre, avec des engagements et de bonnes pratiques "
        "partagés en direct lors de cet événement parallèle hybride du FEMI.",
    },
    "body": {
        "en": rich(
            "The interactive session collected pledges and good practices on gender-responsiveness. They can be "
            "shared on the Gender+Migration Hub in English, French and Spanish."
        ),
        "es": rich(
            "La sesión interactiva reunió compromisos y buenas prácticas sobre perspectiva de género, que pueden "
            "compartirse en el Gender+Migration Hub en español, francés e inglés."
        ),
        "pt": rich(
            "A sessão interativa reuniu compromissos e boas práticas sobre perspectiva de gênero, que podem ser "
            "partilhados no Gender+Migration Hub em espanhol, francês e inglês."
        ),
        "fr": rich(
            "La session interactive a recueilli des engagements et de bonnes pratiques sur l'approche sensible au "
            "genre, à partager sur le Gender+Migration Hub en anglais, en espagnol et en français."
        ),
    },
    "start": datetime.datetime(2022, 5, 19, 13, 15, tzinfo=NEW_YORK),
    "end": datetime.datetime(2022, 5, 19, 14, 30, tzinfo=NEW_YORK),
    "format": EventPage.HYBRID,
    "place": UN_HQ,
    "online_url": UN_WEB_TV,
    "topics": ["imrf", "global-compact"],
    "people": [],
    "cosponsors": [
        (
            "government-of-canada",
            _government("Government of Canada", "Gobierno de Canadá", "Governo do Canadá", "Gouvernement du Canada"),
        ),
        ("imrc-gender-migration-hub", {"en": "International Migration Research Centre / Gender+Migration Hub"}),
        WIMN,
        (
            "iom-research",
            {"en": "IOM Research", "es": "OIM Investigación", "pt": "OIM Pesquisa", "fr": "OIM Recherche"},
        ),
        _mission("Ecuador", "del Ecuador", "do Equador", "de l'Équateur"),
        _mission("Germany", "de Alemania", "da Alemanha", "de l'Allemagne"),
        _mission("Mexico", "de México", "do México", "du Mexique"),
        _mission("the Philippines", "de Filipinas", "das Filipinas", "des Philippines"),
    ],
}

CAUCUS_2016 = {
    "slug": "womens-caucus-new-york-2016",
    "title": {
        "en": "Women's Caucus ahead of the UN Summit for Refugees and Migrants",
        "es": "Caucus de Mujeres ante la Cumbre de la ONU para los Refugiados y los Migrantes",
        "pt": "Caucus de Mulheres antes da Cúpula da ONU sobre Refugiados e Migrantes",
        "fr": "Caucus des femmes en vue du Sommet de l'ONU pour les réfugiés et les migrants",
    },
    "summary": {
        "en": "A caucus in New York to prepare for the Interactive Multi-stakeholder Hearing of 18 July and the "
        "UN General Assembly Summit for Refugees and Migrants of 19 September 2016.",
        "es": "Un caucus en Nueva York para preparar la Audiencia Interactiva de Múltiples Partes Interesadas del "
        "18 de julio y la Cumbre de la Asamblea General de la ONU para los Refugiados y los Migrantes del 19 de "
        "septiembre de 2016.",
        "pt": "Um caucus em Nova York para preparar a Audiência Interativa com Múltiplas Partes Interessadas de "
        "18 de julho e a Cúpula da Assembleia Geral da ONU sobre Refugiados e Migrantes de 19 de setembro de 2016.",
        "fr": "Un caucus à New York pour préparer l'audition interactive multipartite du 18 juillet et le Sommet "
        "de l'Assemblée générale des Nations Unies pour les réfugiés et les migrants du 19 septembre 2016.",
    },
    "body": {
        "en": rich(
            "The network urged States to reject the binary framing of refugee or migrant: all migrants have all "
            "human rights, whatever the category they are placed in."
        ),
        "es": rich(
            "La red instó a los Estados a rechazar la división binaria entre refugiado y migrante: todas las "
            "personas migrantes tienen todos los derechos humanos, sea cual sea la categoría en que se las ubique."
        ),
        "pt": rich(
            "A rede instou os Estados a rejeitar a divisão binária entre refugiado e migrante: todas as pessoas "
            "migrantes têm todos os direitos humanos, seja qual for a categoria em que são colocadas."
        ),
        "fr": rich(
            "Le réseau a appelé les États à rejeter l'opposition binaire entre réfugié et migrant : toutes les "
            "personnes migrantes ont tous les droits humains, quelle que soit la catégorie où on les range."
        ),
    },
    "start": datetime.datetime(2016, 7, 17, 16, 0, tzinfo=NEW_YORK),
    "end": datetime.datetime(2016, 7, 17, 18, 30, tzinfo=NEW_YORK),
    "format": EventPage.IN_PERSON,
    "place": {
        "venue": {"en": "New York", "es": "Nueva York", "pt": "Nova York", "fr": "New York"},
        "address": "New York, NY, United States",
    },
    "online_url": "",
    "topics": ["refugees-asylum"],
    # "WIMN is Hosting a Women's Caucus in New York on July 17" (the seed)
    "organizers": [WIMN],
    "people": [],
    "cosponsors": [],
    "campaign": False,
}


def _next(month, day, hour, minute, zone, at_least_days=2):
    """The next `month`/`day` at `hour`:`minute` in `zone`, at least `at_least_days` from now."""
    today = now().astimezone(zone).date()
    for year in (today.year, today.year + 1):
        candidate = datetime.date(year, month, day)
        if candidate >= today + datetime.timedelta(days=at_least_days):
            return datetime.datetime(year, month, day, hour, minute, tzinfo=zone)
    raise AssertionError("unreachable")


def upcoming_events():
    """Three events after today: a 16 Days webinar, International Migrants Day, and a caucus at CSW."""
    utc = zoneinfo.ZoneInfo("UTC")
    sixteen_days = _next(12, 3, 13, 0, utc)
    migrants_day = _next(12, 18, 10, 0, NEW_YORK)
    csw = _next(3, 11, 8, 30, NEW_YORK)
    return [
        {
            "slug": "16-days-webinar-migrant-women-organizing",
            "title": {
                "en": "Webinar: migrant women organizing against gender-based violence",
                "es": "Seminario web: mujeres migrantes organizadas contra la violencia de género",
                "pt": "Webinário: mulheres migrantes organizadas contra a violência de gênero",
                "fr": "Webinaire : les femmes migrantes s'organisent contre les violences fondées sur le genre",
            },
            "summary": {
                "en": "During the 16 Days of Activism, members of the network share how migrant women's groups "
                "confront violence at work, at borders and at home, and what ILO Convention 190 changes.",
                "es": "Durante los 16 días de activismo, miembros de la red comparten cómo los grupos de mujeres "
                "migrantes enfrentan la violencia en el trabajo, en las fronteras y en el hogar, y qué cambia el "
                "Convenio 190 de la OIT.",
                "pt": "Durante os 16 dias de ativismo, membros da rede partilham como os grupos de mulheres migrantes "
                "enfrentam a violência no trabalho, nas fronteiras e em casa, e o que muda a Convenção 190 da OIT.",
                "fr": "Pendant les 16 jours d'activisme, des membres du réseau expliquent comment les groupes de "
                "femmes migrantes font face aux violences au travail, aux frontières et au foyer, et ce que change "
                "la convention 190 de l'OIT.",
            },
            "body": {
                "en": rich("The webinar is held in English with interpretation into Spanish and French."),
                "es": rich("El seminario web se realiza en inglés con interpretación al español y al francés."),
                "pt": rich("O webinário é realizado em inglês com interpretação para espanhol e francês."),
                "fr": rich("Le webinaire se tient en anglais avec interprétation en espagnol et en français."),
            },
            "start": sixteen_days,
            "end": sixteen_days + datetime.timedelta(minutes=90),
            "format": EventPage.ONLINE,
            "place": {"venue": {}, "address": ""},
            "online_url": "",
            "registration_url": "https://womeninmigration.org/",
            "topics": ["gender-based-violence", "labour-rights"],
            "people": [
                {
                    "name": "Carol Barton",
                    "role": {
                        "en": "Co-convenor",
                        "es": "Coconvocante",
                        "pt": "Coconvocadora",
                        "fr": "Co-coordinatrice",
                    },
                    "organization": "Women in Migration Network",
                    "is_moderator": True,
                }
            ],
            "cosponsors": [("gaatw", {"en": "Global Alliance Against Traffic in Women (GAATW)"}), WIMN],
            "campaign": False,
        },
        {
            "slug": "international-migrants-day-regular-pathways",
            "title": {
                "en": "International Migrants Day: regularization and rights for women in migration",
                "es": "Día Internacional del Migrante: regularización y derechos para las mujeres en la migración",
                "pt": "Dia Internacional do Migrante: regularização e direitos para as mulheres na migração",
                "fr": "Journée internationale des migrants : régularisation et droits des femmes en migration",
            },
            "summary": {
                "en": "On 18 December, an online conversation on regularization of undocumented migrant workers and "
                "regular pathways that do not push women into abusive temporary labour programmes.",
                "es": "El 18 de diciembre, una conversación en línea sobre la regularización de trabajadoras "
                "migrantes indocumentadas y vías regulares que no empujen a las mujeres a programas temporales "
                "abusivos.",
                "pt": "Em 18 de dezembro, uma conversa online sobre a regularização de trabalhadoras migrantes sem "
                "documentos e vias regulares que não empurrem as mulheres para programas temporários abusivos.",
                "fr": "Le 18 décembre, une conversation en ligne sur la régularisation des travailleuses migrantes "
                "sans papiers et des voies régulières qui ne poussent pas les femmes vers des programmes "
                "temporaires abusifs.",
            },
            "body": {
                "en": rich("Open to members, partners and anyone who follows the Global Compact for Migration."),
                "es": rich("Abierto a miembros, aliados y a quienes siguen el Pacto Mundial para la Migración."),
                "pt": rich("Aberto a membros, parceiros e a quem acompanha o Pacto Global para a Migração."),
                "fr": rich("Ouvert aux membres, aux partenaires et à toute personne qui suit le Pacte mondial."),
            },
            "start": migrants_day,
            "end": migrants_day + datetime.timedelta(minutes=90),
            "format": EventPage.ONLINE,
            "place": {"venue": {}, "address": ""},
            "online_url": UN_WEB_TV,
            "registration_url": "",
            "topics": ["regularization", "labour-rights", "global-compact"],
            "people": [],
            "cosponsors": [("solidarity-center", {"en": "Solidarity Center"}), WIMN],
            "campaign": False,
        },
        {
            "slug": "womens-caucus-csw",
            "title": {
                "en": "Women in migration caucus at the Commission on the Status of Women",
                "es": "Caucus de mujeres en la migración en la Comisión de la Condición Jurídica y Social de la Mujer",
                "pt": "Caucus de mulheres na migração na Comissão sobre a Situação da Mulher",
                "fr": "Caucus des femmes en migration à la Commission de la condition de la femme",
            },
            "summary": {
                "en": "A morning caucus during CSW in New York to coordinate advocacy on the agreed conclusions, in "
                "person with an online connection for members who cannot travel.",
                "es": "Un caucus matutino durante la CSW en Nueva York para coordinar la incidencia sobre las "
                "conclusiones convenidas, presencial y con conexión en línea para quienes no pueden viajar.",
                "pt": "Um caucus matinal durante a CSW em Nova York para coordenar a incidência sobre as conclusões "
                "acordadas, presencial e com conexão online para quem não pode viajar.",
                "fr": "Un caucus matinal pendant la CSW à New York pour coordonner le plaidoyer sur les conclusions "
                "concertées, en présentiel avec une connexion en ligne pour qui ne peut pas voyager.",
            },
            "body": {
                "en": rich("Bring your organization's priorities for the negotiations."),
                "es": rich("Traiga las prioridades de su organización para las negociaciones."),
                "pt": rich("Traga as prioridades da sua organização para as negociações."),
                "fr": rich("Apportez les priorités de votre organisation pour les négociations."),
            },
            "start": csw,
            "end": csw + datetime.timedelta(minutes=90),
            "format": EventPage.HYBRID,
            "place": {
                "venue": {
                    "en": "Church Center for the United Nations",
                    "es": "Church Center de las Naciones Unidas",
                    "pt": "Church Center das Nações Unidas",
                    "fr": "Church Center des Nations Unies",
                },
                "address": "777 United Nations Plaza, New York, NY 10017, United States",
            },
            "online_url": "",
            "registration_url": "https://womeninmigration.org/",
            "topics": ["csw"],
            "people": [],
            "cosponsors": [WIMN],
            "campaign": False,
        },
    ]


def _organizations():
    return {org.slug: org for org in Organization.objects.all()}


def _campaign(slug):
    return CampaignPage.objects.filter(slug=slug).first()


def create_event(index, spec, organizations, campaign=None, program=None):
    fields = {}
    for name in ("title", "summary", "body"):
        fields.update(translated(name, spec[name]))
    fields.update(translated("venue", spec["place"]["venue"]))
    event = EventPageFactory(
        parent=index,
        slug=spec["slug"],
        title=spec["title"]["en"],
        summary=spec["summary"]["en"],
        timezone=str(spec["start"].tzinfo),
        start=spec["start"],
        end=spec["end"],
        format=spec["format"],
        address=spec["place"]["address"],
        online_url=spec.get("online_url", ""),
        registration_url=spec.get("registration_url", ""),
        campaign=campaign,
        program=program,
        # announced some weeks before it takes place (or today, for an upcoming one), for the feed
        first_published_at=min(spec["start"] - datetime.timedelta(days=21), now()),
        **fields,
    )

    def organization(role, slug, names):
        return {"role": role, "organization": organizations.get(slug), **translated("organization_name", names)}

    rows = [organization(EventParticipant.ORGANIZER, *org) for org in spec.get("organizers", [])]
    rows += [
        {
            "role": EventParticipant.MODERATOR if person["is_moderator"] else EventParticipant.SPEAKER,
            "name": person["name"],
            "organization_name_en": person["organization"],
            **translated("position", person["role"]),
        }
        for person in spec["people"]
    ]
    rows += [organization(EventParticipant.CO_SPONSOR, *org) for org in spec["cosponsors"]]
    for order, row in enumerate(rows):
        EventParticipant.objects.create(page=event, sort_order=order, **row)
    topics = list(Topic.objects.filter(slug__in=spec["topics"]))
    if topics:
        event.topics.set(topics)
        event.save()
    return event


def load(home):
    """The events section under `home`, with past and upcoming events."""
    index = EventIndexPageFactory(
        parent=home,
        show_in_menus=True,
        slug="events",
        title=INDEX["title"]["en"],
        **translated("title", INDEX["title"]),
        **translated("intro", INDEX["intro"]),
    )
    organizations = _organizations()
    road_to_imrf = _campaign("road-to-imrf")
    program = DocumentFactory(
        title="Programme: Sustainable Re/integration of migrant and trafficked women (IMRF side event, 17 May 2022)",
        doc_type="program",
        language="en",
        year=2022,
        file=ContentFile(minimal_pdf(REINTEGRATION["program"]), name="imrf-reintegration-programme.pdf"),
    )
    events = [create_event(index, CAUCUS_2016, organizations)]
    events.append(create_event(index, REINTEGRATION, organizations, campaign=road_to_imrf, program=program))
    events.append(create_event(index, CAUCUS_2022, organizations, campaign=road_to_imrf))
    events.append(create_event(index, PLEDGES, organizations, campaign=road_to_imrf))
    for spec in upcoming_events():
        events.append(create_event(index, spec, organizations))
    return index
