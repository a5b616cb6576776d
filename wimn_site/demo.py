"""Demo content for the project package: home, About and Contact, topics, site settings.

Facts come from the network's current site (shared/seeds); the wording is the product's own.
Contact is deliberately left without a French translation to show the fallback note.
"""

from .factories import (
    ContentPageFactory,
    DocumentFactory,
    DocumentLibraryPageFactory,
    FormPageFactory,
    TopicFactory,
    create_site_root,
    rich,
    translated,
)
from .models import FormPage, SiteSettings, Topic

TOPICS = [
    (
        "imrf",
        {
            "en": "International Migration Review Forum",
            "es": "Foro de Examen de la Migración Internacional",
            "pt": "Fórum de Revisão da Migração Internacional",
            "fr": "Forum d'examen des migrations internationales",
        },
    ),
    (
        "global-compact",
        {
            "en": "Global Compact for Migration",
            "es": "Pacto Mundial para la Migración",
            "pt": "Pacto Global para a Migração",
            "fr": "Pacte mondial sur les migrations",
        },
    ),
    ("climate", {"en": "Climate", "es": "Clima", "pt": "Clima", "fr": "Climat"}),
    (
        "labour-rights",
        {"en": "Labour rights", "es": "Derechos laborales", "pt": "Direitos trabalhistas", "fr": "Droits du travail"},
    ),
    (
        "domestic-work",
        {"en": "Domestic work", "es": "Trabajo doméstico", "pt": "Trabalho doméstico", "fr": "Travail domestique"},
    ),
    (
        "gender-based-violence",
        {
            "en": "Gender-based violence",
            "es": "Violencia de género",
            "pt": "Violência de gênero",
            "fr": "Violences fondées sur le genre",
        },
    ),
    ("regularization", {"en": "Regularization", "es": "Regularización", "pt": "Regularização", "fr": "Régularisation"}),
    (
        "refugees-asylum",
        {
            "en": "Refugees and asylum",
            "es": "Personas refugiadas y asilo",
            "pt": "Refugiados e asilo",
            "fr": "Réfugiés et asile",
        },
    ),
    ("health", {"en": "Health", "es": "Salud", "pt": "Saúde", "fr": "Santé"}),
    (
        "csw",
        {
            "en": "Commission on the Status of Women",
            "es": "Comisión de la Condición Jurídica y Social de la Mujer",
            "pt": "Comissão sobre a Situação da Mulher",
            "fr": "Commission de la condition de la femme",
        },
    ),
]

HOME = {
    "title": {
        "en": "Women in Migration Network",
        "es": "Red de Mujeres en la Migración",
        "pt": "Rede de Mulheres na Migração",
        "fr": "Réseau Femmes en migration",
    },
    "mission": {
        "en": "A global network building a voice for the human rights of women in migration.",
        "es": "Una red mundial que construye una voz por los derechos humanos de las mujeres en la migración.",
        "pt": "Uma rede global que constrói uma voz pelos direitos humanos das mulheres na migração.",
        "fr": "Un réseau mondial qui porte la voix des droits humains des femmes en migration.",
    },
    "intro": {
        "en": "Women's, migrant, human rights, labour, development and faith organizations from every region, "
        "working together at the UN and beyond.",
        "es": "Organizaciones de mujeres, de personas migrantes, de derechos humanos, sindicales, de desarrollo y "
        "religiosas de todas las regiones, trabajando juntas en la ONU y más allá.",
        "pt": "Organizações de mulheres, de migrantes, de direitos humanos, sindicais, de desenvolvimento e de fé "
        "de todas as regiões, trabalhando juntas na ONU e além.",
        "fr": "Des organisations de femmes, de migrants, de défense des droits humains, syndicales, de "
        "développement et confessionnelles de toutes les régions, ensemble à l'ONU et au-delà.",
    },
}

ABOUT = {
    "title": {"en": "About us", "es": "Quiénes somos", "pt": "Quem somos", "fr": "Qui sommes-nous"},
    "intro": {
        "en": "WIMN, formerly the Women & Global Migration Working Group, brings a gender lens to migration policy.",
        "es": "WIMN, antes Grupo de Trabajo sobre Mujeres y Migración Global, aporta una mirada de género a las "
        "políticas migratorias.",
        "pt": "A WIMN, antes Grupo de Trabalho sobre Mulheres e Migração Global, traz um olhar de gênero às "
        "políticas migratórias.",
        "fr": "WIMN, anciennement Groupe de travail Femmes et migrations mondiales, apporte une perspective de "
        "genre aux politiques migratoires.",
    },
    "body": {
        "en": rich(
            "The network analyses, educates and advocates so that the rights of women in migration are "
            "respected at home, in transit, in communities and in workplaces. It carries the voices of women "
            "directly affected by migration into international policy-making.",
            "<h2>What we work for</h2><ul><li>Influence national and global migration and development policy as "
            "it affects women.</li><li>Hold States accountable for their human rights commitments to women in "
            "migration.</li></ul>",
            "<h2>Where we are active</h2><ul><li>UN Commission on the Status of Women, New York, every March</li>"
            "<li>International Women's Day, 8 March</li><li>UN Committee on Migrant Workers and OHCHR</li>"
            "<li>Global Forum on Migration and Development</li><li>16 Days of Activism against Gender Violence, "
            "25 November to 10 December</li><li>International Migrants Day, 18 December</li></ul>",
            "The network took shape at the People's Global Action on Migration, Development and Human Rights in "
            "Athens in 2009 and was founded at a pre-meeting of the AWID Forum in Istanbul in April 2012. It is a "
            "member of the Global Coalition on Migration.",
        ),
        "es": rich(
            "La red analiza, educa e incide para que se respeten los derechos de las mujeres en la migración en "
            "el hogar, en tránsito, en las comunidades y en el trabajo. Lleva las voces de las mujeres afectadas "
            "por la migración a los espacios internacionales de decisión.",
            "<h2>Por qué trabajamos</h2><ul><li>Influir en las políticas nacionales y globales de migración y "
            "desarrollo que afectan a las mujeres.</li><li>Exigir a los Estados que cumplan sus compromisos de "
            "derechos humanos con las mujeres en la migración.</li></ul>",
            "<h2>Dónde participamos</h2><ul><li>Comisión de la Condición Jurídica y Social de la Mujer, Nueva York, "
            "cada marzo</li><li>Día Internacional de la Mujer, 8 de marzo</li><li>Comité de Trabajadores "
            "Migratorios de la ONU y ACNUDH</li><li>Foro Mundial sobre Migración y Desarrollo</li><li>16 días de "
            "activismo contra la violencia de género, del 25 de noviembre al 10 de diciembre</li><li>Día "
            "Internacional del Migrante, 18 de diciembre</li></ul>",
            "La red nació en la Acción Global de los Pueblos sobre Migración, Desarrollo y Derechos Humanos en "
            "Atenas en 2009 y se fundó en una reunión previa al Foro de AWID en Estambul en abril de 2012. Es "
            "miembro de la Coalición Global sobre Migración.",
        ),
        "pt": rich(
            "A rede analisa, educa e faz incidência para que os direitos das mulheres na migração sejam "
            "respeitados em casa, em trânsito, nas comunidades e no trabalho.",
            "<h2>Pelo que trabalhamos</h2><ul><li>Influenciar as políticas nacionais e globais de migração e "
            "desenvolvimento que afetam as mulheres.</li><li>Cobrar dos Estados os seus compromissos de direitos "
            "humanos com as mulheres na migração.</li></ul>",
            "A rede é membro da Coalizão Global sobre Migração.",
        ),
        "fr": rich(
            "Le réseau analyse, informe et plaide pour que les droits des femmes en migration soient respectés "
            "chez elles, en transit, dans les communautés et au travail.",
            "<h2>Nos objectifs</h2><ul><li>Peser sur les politiques nationales et mondiales de migration et de "
            "développement qui touchent les femmes.</li><li>Demander des comptes aux États sur leurs engagements "
            "en matière de droits humains envers les femmes en migration.</li></ul>",
            "Le réseau est membre de la Coalition mondiale sur les migrations.",
        ),
    },
}

CONTACT = {
    "title": {"en": "Contact", "es": "Contacto", "pt": "Contato"},
    "intro": {
        "en": "Write to the network about membership, media requests or joint statements.",
        "es": "Escriba a la red sobre membresía, solicitudes de prensa o declaraciones conjuntas.",
        "pt": "Escreva à rede sobre adesão, pedidos de imprensa ou declarações conjuntas.",
    },
    "body": {
        "en": rich(
            'Email: <a href="mailto:wimninfo@womeninmigration.org">wimninfo@womeninmigration.org</a>',
            "Facebook: @Womeninmigration · X/Twitter: @WomenMigration · Instagram: wimn_migration",
        ),
        "es": rich(
            'Correo: <a href="mailto:wimninfo@womeninmigration.org">wimninfo@womeninmigration.org</a>',
            "Facebook: @Womeninmigration · X/Twitter: @WomenMigration · Instagram: wimn_migration",
        ),
        "pt": rich(
            'E-mail: <a href="mailto:wimninfo@womeninmigration.org">wimninfo@womeninmigration.org</a>',
            "Facebook: @Womeninmigration · X/Twitter: @WomenMigration · Instagram: wimn_migration",
        ),
    },
}


LIBRARY = {
    "title": {"en": "Documents", "es": "Documentos", "pt": "Documentos", "fr": "Documents"},
    "intro": {
        "en": "Statements, comments on UN drafts, reports, guides and event programs of the network, each in "
        "the languages it exists in.",
        "es": "Declaraciones, comentarios a borradores de la ONU, informes, guías y programas de eventos de la "
        "red, cada uno en los idiomas en que existe.",
        "pt": "Declarações, comentários a rascunhos da ONU, relatórios, guias e programas de eventos da rede, "
        "cada um nos idiomas em que existe.",
        "fr": "Déclarations, commentaires sur les projets de l'ONU, rapports, guides et programmes d'événements "
        "du réseau, chacun dans les langues où il existe.",
    },
}

# Files uploaded for the library on their own (statements, events and campaigns attach their own).
# Each entry: type, year, topics, then {language: (title, description)}, English first (the original).
LIBRARY_DOCUMENTS = [
    (
        "report",
        2022,
        ["global-compact", "imrf"],
        {
            "en": (
                "Spotlight Report on Global Migration",
                "Migrant voices and migrant human rights in every region, by the Global Coalition on Migration "
                "with contributions from WIMN members, released before the first International Migration Review "
                "Forum.",
            ),
            "es": (
                "Informe Spotlight sobre la migración global",
                "Las voces y los derechos humanos de las personas migrantes en todas las regiones, de la Coalición "
                "Global sobre Migración con aportes de integrantes de WIMN, publicado antes del primer Foro de "
                "Examen de la Migración Internacional.",
            ),
        },
    ),
    (
        "statement",
        2018,
        ["global-compact"],
        {
            "en": (
                "Marrakech Women's Rights Manifesto",
                "Launched in Marrakech as states approved the Global Compact for Migration: it affirms the Compact "
                "and names the gaps that leave women's rights unprotected.",
            ),
            "es": (
                "Manifiesto de Marrakech por los derechos de las mujeres",
                "Presentado en Marrakech cuando los Estados aprobaron el Pacto Mundial para la Migración: respalda "
                "el Pacto y señala los vacíos que dejan desprotegidos los derechos de las mujeres.",
            ),
            "fr": (
                "Manifeste de Marrakech pour les droits des femmes",
                "Présenté à Marrakech lors de l'adoption du Pacte mondial sur les migrations : il soutient le Pacte "
                "et nomme les lacunes qui laissent les droits des femmes sans protection.",
            ),
        },
    ),
    (
        "guide",
        2021,
        ["global-compact"],
        {
            "en": (
                "Policies and Practices: a Guide to Gender-Responsive Implementation of the Global Compact",
                "UN Women's guide, prepared with input from the Expert Working Group for Addressing Women's Human "
                "Rights in the Global Compact for Migration.",
            ),
        },
    ),
    (
        "report",
        2021,
        ["regularization", "labour-rights"],
        {
            "en": (
                "Global Mapping of Organizations Working on Gender and Migration",
                "Who works on gender and migration, where, and on which issues: the mapping that prepared the "
                "network's regional dialogues before the IMRF.",
            ),
            "pt": (
                "Mapeamento global das organizações que trabalham com gênero e migração",
                "Quem trabalha com gênero e migração, onde e em quais temas: o mapeamento que preparou os diálogos "
                "regionais da rede antes do FRMI.",
            ),
        },
    ),
]


# The demo does not carry the text of these publications (the seeds only name them): their files say so, in
# their own language, under the library's description, instead of inventing a text.
DEMO_FILE_NOTE = {
    "en": "Example file of the demo site: the network's published document takes its place on the real site.",
    "es": "Archivo de ejemplo del sitio de demostración: en el sitio real lo sustituye el documento publicado "
    "por la red.",
    "pt": "Arquivo de exemplo do site de demonstração: no site real, ele é substituído pelo documento publicado "
    "pela rede.",
    "fr": "Fichier d’exemple du site de démonstration : sur le site réel, le document publié par le réseau le "
    "remplace.",
}


JOIN = {
    "title": {
        "en": "Join the mailing list",
        "es": "Suscríbase a la lista de correo",
        "pt": "Inscreva-se na lista de e-mails",
        "fr": "Abonnez-vous à la liste de diffusion",
    },
    "intro": {
        "en": "Statements, media alerts, side events and calls to action from the network, a few times a month.",
        "es": "Declaraciones, alertas de prensa, eventos paralelos y llamados a la acción de la red, algunas veces al "
        "mes.",
        "pt": "Declarações, alertas de imprensa, eventos paralelos e chamados à ação da rede, algumas vezes por mês.",
        "fr": "Déclarations, alertes presse, événements parallèles et appels à l'action du réseau, quelques fois par "
        "mois.",
    },
}

WRITE = {
    "title": {"en": "Write to us", "es": "Escríbanos", "pt": "Escreva para nós"},
    "intro": {
        "en": "Questions about membership, media requests or joint statements: the network replies by email.",
        "es": "Preguntas sobre membresía, solicitudes de prensa o declaraciones conjuntas: la red responde por correo.",
        "pt": "Perguntas sobre adesão, pedidos de imprensa ou declarações conjuntas: a rede responde por e-mail.",
    },
}


def load_forms(home, contact):
    """The mailing-list sign-up under the home page and a contact form under Contact (not yet in French)."""
    join = FormPageFactory(parent=home, slug="join", purpose=FormPage.NEWSLETTER, **page_fields(JOIN))
    FormPageFactory(parent=contact, slug="write", purpose=FormPage.CONTACT, **page_fields(WRITE))
    return join


def load_library(home):
    """The document library page and the files uploaded on their own for it."""
    library = DocumentLibraryPageFactory(parent=home, slug="documents", show_in_menus=True, **page_fields(LIBRARY))
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    for doc_type, year, topic_slugs, versions in LIBRARY_DOCUMENTS:
        original = None
        for language, (title, description) in versions.items():
            document = DocumentFactory(
                title=title,
                language=language,
                doc_type=doc_type,
                year=year,
                description=description,
                original=original,
                in_library=original is None,  # published on their own: no page links them
                paragraphs=[description, DEMO_FILE_NOTE[language]],
                date=str(year),
            )
            if original is None:
                original = document
                document.topics.set([topics[slug] for slug in topic_slugs if slug in topics])
    return library


def page_fields(spec):
    fields = {}
    for name, values in spec.items():
        fields.update(translated(name, values))
    fields["title"] = spec["title"]["en"]
    return fields


def load():
    """Create the site root and its general pages; returns the home page."""
    for slug, names in TOPICS:
        TopicFactory(slug=slug, name=names["en"], **{f"name_{k}": v for k, v in names.items()})
    home = create_site_root(**page_fields(HOME))
    ContentPageFactory(parent=home, slug="about", show_in_menus=True, **page_fields(ABOUT))
    contact = ContentPageFactory(parent=home, slug="contact", show_in_menus=True, **page_fields(CONTACT))
    load_library(home)
    load_forms(home, contact)
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.contact_email = "wimninfo@womeninmigration.org"
    site_settings.facebook_url = "https://www.facebook.com/Womeninmigration"
    site_settings.twitter_handle = "WomenMigration"
    site_settings.instagram_url = "https://www.instagram.com/wimn_migration/"
    site_settings.save()
    return home
