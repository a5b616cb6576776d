"""Demo content for the statements section: statements, a media alert, comments on drafts, a pledge, op-eds,
news coverage of the network and partners' posts it shared.

Facts (titles, dates, names, outlets, the four priority concerns, the pledge's commitments and its July
2023 update) come from the network's current site (shared/seeds); the wording is the product's own.
Where the seeds give no exact day (the two comments on drafts), the date is an approximation in April
2022, between the zero draft (17 March) and Revision 4 (early May). Outlet URLs of the op-eds are
illustrative. Every page of the network's own gets a small generated PDF, several with a Spanish version.
"""

import datetime
import uuid

from wagtail_footnotes.models import Footnote

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.blocks import StreamValue
from wagtail.models import PageLogEntry, Revision

from campaigns.models import CampaignPage, Organization
from wimn_site.demo_documents import statement_pdf
from wimn_site.factories import DocumentFactory, rich, translated
from wimn_site.models import Topic
from wimn_site.translation_status import backdate

from .factories import (
    MediaAlertFactory,
    NewsCoveragePageFactory,
    OpEdPageFactory,
    PledgePageFactory,
    RepostPageFactory,
    StatementIndexPageFactory,
    StatementPageFactory,
)
from .models import OpEdAuthor, OpEdVersion, PledgeCommitment, StatementAttachment, StatementSignatory

WIMN = "Women in Migration Network"

INDEX = {
    "title": {"en": "Statements", "es": "Declaraciones", "pt": "Declarações", "fr": "Déclarations"},
    "intro": {
        "en": "What the network says: statements, comments on UN drafts, media alerts, pledges and op-eds by "
        "our members.",
        "es": "Lo que dice la red: declaraciones, comentarios a borradores de la ONU, alertas de prensa, "
        "compromisos y artículos de opinión de nuestras integrantes.",
        "pt": "O que a rede diz: declarações, comentários a rascunhos da ONU, alertas de imprensa, compromissos "
        "e artigos de opinião das nossas integrantes.",
        "fr": "Ce que dit le réseau : déclarations, commentaires sur les projets de l'ONU, alertes presse, "
        "engagements et tribunes de nos membres.",
    },
}

ROADMAP_2021 = {
    "slug": "un-network-roadmap-imrf-2021",
    "date": datetime.date(2021, 10, 19),
    "kind": "statement",
    "topics": ["imrf", "global-compact", "regularization", "refugees-asylum", "health", "climate"],
    "title": {
        "en": "Statement to the UN Network on Migration on the road map to the IMRF",
        "es": "Declaración ante la Red de las Naciones Unidas sobre la Migración sobre la hoja de ruta hacia el FEMI",
        "pt": "Declaração à Rede das Nações Unidas sobre Migração sobre o roteiro rumo ao FRMI",
        "fr": "Déclaration au Réseau des Nations Unies sur les migrations sur la feuille de route vers le FEMI",
    },
    "summary": {
        "en": "As the UN Network on Migration launched its road map to the International Migration Review Forum "
        "with Member States, WIMN set out what the review must cover: gender and race across all 23 "
        "objectives, regular pathways and regularization, health care for all, and climate and migration "
        "seen through a gender lens.",
        "es": "Cuando la Red de las Naciones Unidas sobre la Migración presentó a los Estados Miembros su hoja de "
        "ruta hacia el Foro de Examen de la Migración Internacional, WIMN señaló lo que el examen debe abarcar: "
        "el género y la raza en los 23 objetivos, vías regulares y regularización, salud para todas las "
        "personas, y clima y migración con enfoque de género.",
        "pt": "Quando a Rede das Nações Unidas sobre Migração apresentou aos Estados-Membros o seu roteiro rumo ao "
        "Fórum de Revisão da Migração Internacional, a WIMN indicou o que a revisão deve abranger: gênero e "
        "raça nos 23 objetivos, vias regulares e regularização, saúde para todas as pessoas, e clima e "
        "migração com olhar de gênero.",
        "fr": "Lorsque le Réseau des Nations Unies sur les migrations a présenté aux États membres sa feuille de "
        "route vers le Forum d'examen des migrations internationales, WIMN a exposé ce que l'examen doit "
        "couvrir : le genre et la race dans les 23 objectifs, les voies régulières et la régularisation, la "
        "santé pour toutes et tous, et le climat et les migrations sous l'angle du genre.",
    },
    "body": {
        "en": rich(
            "The Women in Migration Network welcomes the UN Network's road map towards the International "
            "Migration Review Forum (IMRF). We share the view that the Forum is one step in a continuing "
            "process, and we commit to being an active part of it.",
            "WIMN took part in the negotiations of the Global Compact for Migration and in 2018 launched the "
            "Marrakech Women's Rights Manifesto. We work in the UN Network's working groups on gender and on "
            "anti-discrimination, hosted a listening session with the Network and UN Women in 2020 on the impact "
            "of COVID-19 on migrant women, contributed to UN Women's guide on gender-responsive implementation "
            "of the Compact, support the Gender &amp; Migration Hub and took part in the Regional Reviews.",
            "Migrant women workers carried much of the burden of keeping economies going during the pandemic, "
            "in health care, care work and agriculture, while remaining underpaid and confined to precarious "
            "jobs. Many were stranded or sent home, and many suffered wage theft. This is a moment to confront "
            "the migration policies that have undermined women's rights at every stage of migration, not to "
            "'build back better'.",
            "<h2>What the review must address</h2><ul>"
            "<li>Gender and race at the centre of the review of all 23 objectives and of its recommendations.</li>"
            "<li>Expanded regular pathways for migrants and refugees, coherence between the refugee and migration "
            "compacts, respect for non-refoulement and an end to the detention of people seeking asylum.</li>"
            "<li>Regularization of migrants, with full civil and labour rights for migrant workers.</li>"
            "<li>A new social compact: public health care, vaccines and treatment for all, whatever their "
            "status.</li>"
            "<li>Protection of migrants in transit and at borders, and support for families who have lost "
            "relatives on migration routes.</li>"
            "<li>Climate and migration, seen through a gender lens, as a priority concern.</li></ul>",
            "<h2>On the preparatory process</h2><ul>"
            "<li>Concrete pledges by States and other stakeholders, as in the Global Compact on Refugees "
            "process.</li>"
            "<li>National reports prepared with national and local civil society, and listening sessions with "
            "migrant organizations.</li>"
            "<li>Migrants and civil society in national delegations, and contributions to the fund for their "
            "participation.</li></ul>",
        ),
        "es": rich(
            "La Red de Mujeres en la Migración celebra la hoja de ruta de la Red de la ONU hacia el Foro de "
            "Examen de la Migración Internacional (FEMI). Compartimos la idea de que el Foro es un paso de un "
            "proceso continuo, y nos comprometemos a participar activamente en él.",
            "Las trabajadoras migrantes sostuvieron buena parte de las economías durante la pandemia, en la "
            "salud, los cuidados y la agricultura, mientras seguían mal pagadas y en empleos precarios. Este es "
            "el momento de enfrentar las políticas migratorias que han socavado los derechos de las mujeres en "
            "cada etapa de la migración.",
            "<h2>Lo que el examen debe abordar</h2><ul>"
            "<li>El género y la raza en el centro del examen de los 23 objetivos.</li>"
            "<li>Más vías regulares para personas migrantes y refugiadas, coherencia entre los dos pactos, "
            "respeto de la no devolución y fin de la detención de solicitantes de asilo.</li>"
            "<li>La regularización de las personas migrantes, con plenos derechos civiles y laborales.</li>"
            "<li>Un nuevo pacto social: salud pública, vacunas y tratamiento para todas las personas, sin "
            "importar su estatus.</li>"
            "<li>Protección en tránsito y en las fronteras, y apoyo a las familias que han perdido a seres "
            "queridos en las rutas migratorias.</li>"
            "<li>Clima y migración, con enfoque de género, como prioridad.</li></ul>",
            "<h2>Sobre el proceso preparatorio</h2><ul>"
            "<li>Compromisos concretos de los Estados y otros actores.</li>"
            "<li>Informes nacionales preparados con la sociedad civil y sesiones de escucha con organizaciones "
            "de personas migrantes.</li>"
            "<li>Personas migrantes y sociedad civil en las delegaciones nacionales.</li></ul>",
        ),
    },
    "pdf": ("WIMN statement to the UN Network on Migration, October 2021", ("en", "es")),
    "signatories": [(None, WIMN)],
}

PROGRESS_DECLARATION = {
    "slug": "statement-imrf-progress-declaration",
    "date": datetime.date(2022, 5, 20),
    "kind": "statement",
    "topics": ["imrf", "global-compact", "labour-rights"],
    "title": {
        "en": "WIMN's statement on the IMRF Progress Declaration",
        "es": "Declaración de WIMN sobre la Declaración de Progreso del FEMI",
        "pt": "Declaração da WIMN sobre a Declaração de Progresso do FRMI",
        "fr": "Déclaration de WIMN sur la Déclaration sur les progrès du FEMI",
    },
    "summary": {
        "en": "States reaffirmed the Global Compact at the first International Migration Review Forum, but with "
        "less ambition than migrant women need. Human rights, women's rights and labour rights are not up for "
        "negotiation.",
        "es": "Los Estados reafirmaron el Pacto Mundial en el primer Foro de Examen de la Migración Internacional, "
        "pero con menos ambición de la que necesitan las mujeres migrantes. Los derechos humanos, los derechos "
        "de las mujeres y los derechos laborales no se negocian.",
        "pt": "Os Estados reafirmaram o Pacto Global no primeiro Fórum de Revisão da Migração Internacional, mas "
        "com menos ambição do que as mulheres migrantes precisam. Direitos humanos, direitos das mulheres e "
        "direitos trabalhistas não são negociáveis.",
        "fr": "Les États ont réaffirmé le Pacte mondial lors du premier Forum d'examen des migrations "
        "internationales, mais avec moins d'ambition que ne l'exigent les femmes migrantes. Les droits humains, "
        "les droits des femmes et les droits du travail ne se négocient pas.",
    },
    "body": {
        "en": [
            (
                "quote",
                {
                    "text": "We have expected the IMRF to advance rights for migrants, particularly for migrant "
                    "women. We are grateful that in the current geopolitical context, States have reaffirmed the "
                    "Compact, but we are dismayed that there is less ambition for or commitment to bold forward "
                    "movement. International human rights, women's rights and labor rights are not up for "
                    "negotiation.",
                    "attribution": WIMN,
                },
            ),
            *rich(
                "The Progress Declaration adopted at the close of the Forum on 20 May 2022 still has no paragraph "
                "of its own on the rights of migrant women in all their diversity, and it keeps speaking of women "
                "and children together, as if women were only vulnerable and never leaders.",
                "WIMN will keep working with States, the UN Network on Migration and our members for gender-"
                "responsive implementation of the Compact: freedom of association and collective bargaining for "
                "migrant workers, ILO Conventions 189 and 190 applied in practice, and real participation of "
                "migrant women's organizations in policy-making.",
            ),
        ],
        "es": [
            (
                "quote",
                {
                    "text": "Esperábamos que el FEMI hiciera avanzar los derechos de las personas migrantes, en "
                    "particular de las mujeres migrantes. Agradecemos que, en el contexto geopolítico actual, los "
                    "Estados hayan reafirmado el Pacto, pero nos consterna que haya menos ambición y compromiso "
                    "para avanzar con audacia. Los derechos humanos, los derechos de las mujeres y los derechos "
                    "laborales no se negocian.",
                    "attribution": "Red de Mujeres en la Migración",
                },
            ),
            *rich(
                "La Declaración de Progreso adoptada al cierre del Foro, el 20 de mayo de 2022, sigue sin un "
                "párrafo propio sobre los derechos de las mujeres migrantes en toda su diversidad.",
                "WIMN seguirá trabajando por una aplicación del Pacto con perspectiva de género: libertad sindical "
                "y negociación colectiva para las personas trabajadoras migrantes, aplicación de los Convenios 189 "
                "y 190 de la OIT y participación real de las organizaciones de mujeres migrantes.",
            ),
        ],
    },
    "pdf": ("WIMN statement on the IMRF Progress Declaration", ("en", "es")),
    "signatories": [(None, WIMN)],
}

MEDIA_ALERT = {
    "slug": "media-alert-imrf-progress-declaration",
    "date": datetime.date(2022, 5, 20),
    "kind": "media_alert",
    "topics": ["imrf", "global-compact"],
    "title": {
        "en": "WIMN responds to the adoption of the IMRF Progress Declaration",
        "es": "WIMN responde a la adopción de la Declaración de Progreso del FEMI",
        "pt": "A WIMN responde à adoção da Declaração de Progresso do FRMI",
        "fr": "WIMN réagit à l'adoption de la Déclaration sur les progrès du FEMI",
    },
    "summary": {
        "en": "As the first International Migration Review Forum closes in New York, the Women in Migration "
        "Network welcomes the reaffirmation of the Global Compact and regrets a declaration that lacks ambition "
        "for migrant women.",
        "es": "Al cerrar en Nueva York el primer Foro de Examen de la Migración Internacional, la Red de Mujeres "
        "en la Migración celebra que se reafirme el Pacto Mundial y lamenta una declaración sin ambición para "
        "las mujeres migrantes.",
        "pt": "No encerramento do primeiro Fórum de Revisão da Migração Internacional, em Nova York, a Rede de "
        "Mulheres na Migração saúda a reafirmação do Pacto Global e lamenta uma declaração sem ambição para as "
        "mulheres migrantes.",
        "fr": "À la clôture du premier Forum d'examen des migrations internationales à New York, le Réseau "
        "Femmes en migration salue la réaffirmation du Pacte mondial et regrette une déclaration sans ambition "
        "pour les femmes migrantes.",
    },
    "dateline": {
        "en": "NEW YORK, 20 May 2022",
        "es": "NUEVA YORK, 20 de mayo de 2022",
        "pt": "NOVA YORK, 20 de maio de 2022",
        "fr": "NEW YORK, 20 mai 2022",
    },
    "body": {
        "en": rich(
            "Member States today adopted the Progress Declaration of the first International Migration Review "
            "Forum, the review of the Global Compact for Safe, Orderly and Regular Migration approved in "
            "Marrakech in December 2018.",
            "WIMN members took part in the Forum's programme, side events and parallel spaces. The network "
            "convened a Women's Caucus on 18 May and co-sponsored side events on the reintegration of migrant "
            "and trafficked women and on putting gender-responsive approaches into practice.",
            "The network's full statement and its pledge are available on this site.",
        ),
        "es": rich(
            "Los Estados Miembros adoptaron hoy la Declaración de Progreso del primer Foro de Examen de la "
            "Migración Internacional, el examen del Pacto Mundial para una Migración Segura, Ordenada y Regular "
            "aprobado en Marrakech en diciembre de 2018.",
            "Integrantes de WIMN participaron en el programa del Foro, en eventos paralelos y en espacios "
            "propios. La red convocó un Caucus de Mujeres el 18 de mayo.",
        ),
    },
    "press": ("WIMN communications", "wimninfo@womeninmigration.org"),
    "pdf": ("WIMN media release, 20 May 2022", ("en", "es")),
}

COMMENT_REV2 = {
    "slug": "comment-progress-declaration-rev-2",
    "date": datetime.date(2022, 4, 12),
    "kind": "comment",
    "topics": ["imrf", "global-compact"],
    "title": {
        "en": "Comment on Revision 2 of the draft IMRF Progress Declaration",
        "es": "Comentario a la Revisión 2 del borrador de la Declaración de Progreso del FEMI",
        "pt": "Comentário à Revisão 2 do rascunho da Declaração de Progresso do FRMI",
        "fr": "Commentaire sur la révision 2 du projet de Déclaration sur les progrès du FEMI",
    },
    "summary": {
        "en": "WIMN's comments and proposed language on the second revision of the draft Progress Declaration "
        "of the International Migration Review Forum.",
        "es": "Comentarios y propuestas de redacción de WIMN sobre la segunda revisión del borrador de la "
        "Declaración de Progreso del Foro de Examen de la Migración Internacional.",
        "pt": "Comentários e propostas de redação da WIMN sobre a segunda revisão do rascunho da Declaração de "
        "Progresso do Fórum de Revisão da Migração Internacional.",
        "fr": "Commentaires et propositions de rédaction de WIMN sur la deuxième révision du projet de "
        "Déclaration sur les progrès du Forum d'examen des migrations internationales.",
    },
    "body": {
        "en": rich(
            "The zero draft of the Progress Declaration was published on 17 March 2022. WIMN commented on its "
            "successive revisions, proposing language so that the rights, agency and leadership of migrant "
            "women are named in the text. The full comment is attached.",
        ),
        "es": rich(
            "El borrador cero de la Declaración de Progreso se publicó el 17 de marzo de 2022. WIMN comentó sus "
            "sucesivas revisiones y propuso redacciones para que los derechos, la agencia y el liderazgo de las "
            "mujeres migrantes figuren en el texto. El comentario completo está adjunto.",
        ),
    },
    "pdf": ("WIMN comment on Rev 2 of the Progress Declaration", ("en",)),
}

COMMENT_REV3 = {
    "slug": "comment-progress-declaration-rev-3",
    "date": datetime.date(2022, 4, 26),
    "kind": "comment",
    "topics": ["imrf", "global-compact", "labour-rights", "domestic-work"],
    "title": {
        "en": "Comment on Revision 3 of the draft IMRF Progress Declaration: four priority concerns",
        "es": "Comentario a la Revisión 3 del borrador de la Declaración de Progreso del FEMI: cuatro prioridades",
        "pt": "Comentário à Revisão 3 do rascunho da Declaração de Progresso do FRMI: quatro prioridades",
        "fr": "Commentaire sur la révision 3 du projet de Déclaration sur les progrès du FEMI : quatre priorités",
    },
    "summary": {
        "en": "In its comment on Revision 3, WIMN identifies four priority concerns and proposes detailed language: "
        "a paragraph on migrant women, women separated from children, freedom of association, and real "
        "participation of migrants.",
        "es": "En su comentario a la Revisión 3, WIMN señala cuatro prioridades y propone redacciones concretas: "
        "un párrafo sobre las mujeres migrantes, separar a las mujeres de la niñez, la libertad sindical y la "
        "participación real de las personas migrantes.",
        "pt": "No seu comentário à Revisão 3, a WIMN aponta quatro prioridades e propõe redações concretas: um "
        "parágrafo sobre as mulheres migrantes, separar as mulheres das crianças, a liberdade sindical e a "
        "participação real das pessoas migrantes.",
        "fr": "Dans son commentaire sur la révision 3, WIMN relève quatre priorités et propose une rédaction "
        "précise : un paragraphe sur les femmes migrantes, distinguer les femmes des enfants, la liberté "
        "syndicale et une réelle participation des personnes migrantes.",
    },
    "body": {
        "en": rich(
            "WIMN submitted comments on the last two revisions of the draft Progress Declaration, to be adopted "
            "by States at the Forum. In this comment on Revision 3 we identify four priority concerns and "
            "propose language for each.",
            "<ol><li><b>A paragraph on migrant women.</b> The draft has paragraphs on race and on children, but "
            "none on the realities of migrant women, not all of whom are paid workers. We propose a new "
            "paragraph (9 pre).</li>"
            "<li><b>Women and children named separately.</b> Grouping them stresses vulnerability, treats women "
            "as minors and hides their independence, agency and leadership.</li>"
            "<li><b>Freedom of association and collective bargaining</b> for migrant workers, and a commitment "
            "to apply ILO Conventions 189 and 190 in practice.</li>"
            "<li><b>Real participation</b> of migrants, including migrant women's organizations, in policy-"
            "making, rather than references to their 'contributions'.</li></ol>",
        ),
        "es": rich(
            "WIMN presentó comentarios a las dos últimas revisiones del borrador de la Declaración de Progreso. "
            "En este comentario a la Revisión 3 señalamos cuatro prioridades y proponemos redacciones para cada "
            "una.",
            "<ol><li><b>Un párrafo sobre las mujeres migrantes</b>, que no siempre son trabajadoras "
            "remuneradas (nuevo párrafo 9 pre).</li>"
            "<li><b>Mujeres y niñez por separado</b>, para no reducir a las mujeres a la vulnerabilidad.</li>"
            "<li><b>Libertad sindical y negociación colectiva</b> para las personas trabajadoras migrantes, y "
            "aplicación de los Convenios 189 y 190 de la OIT.</li>"
            "<li><b>Participación real</b> de las personas migrantes y de las organizaciones de mujeres "
            "migrantes en la elaboración de políticas.</li></ol>",
        ),
    },
    "pdf": ("WIMN comment on Rev 3 of the Progress Declaration", ("en", "es")),
}

IWD_2022 = {
    "slug": "international-womens-day-2022",
    "date": datetime.date(2022, 3, 8),
    "kind": "statement",
    "topics": ["csw", "climate", "health", "labour-rights", "regularization", "refugees-asylum"],
    "campaign": None,
    "title": {
        "en": "International Women's Day 2022: women in migration mobilize for transformative, rights-based policies",
        "es": "Día Internacional de la Mujer 2022: las mujeres en la migración se movilizan por políticas "
        "transformadoras basadas en derechos",
        "pt": "Dia Internacional da Mulher 2022: mulheres na migração se mobilizam por políticas transformadoras "
        "baseadas em direitos",
        "fr": "Journée internationale des femmes 2022 : les femmes en migration se mobilisent pour des politiques "
        "transformatrices fondées sur les droits",
    },
    "summary": {
        "en": "Responding to intersecting health, economic, climate and war crises, WIMN calls for labour rights, "
        "vaccines for all, climate justice, regular pathways with regularization, and equal treatment of all "
        "refugees.",
        "es": "Ante crisis sanitarias, económicas, climáticas y bélicas que se entrecruzan, WIMN reclama derechos "
        "laborales, vacunas para todas las personas, justicia climática, vías regulares con regularización e "
        "igualdad de trato para todas las personas refugiadas.",
        "pt": "Diante de crises sanitárias, econômicas, climáticas e de guerra que se cruzam, a WIMN reivindica "
        "direitos trabalhistas, vacinas para todas as pessoas, justiça climática, vias regulares com "
        "regularização e igualdade de tratamento para todas as pessoas refugiadas.",
        "fr": "Face à des crises sanitaires, économiques, climatiques et guerrières qui se croisent, WIMN demande "
        "des droits du travail, des vaccins pour toutes et tous, la justice climatique, des voies régulières "
        "avec régularisation et l'égalité de traitement de toutes les personnes réfugiées.",
    },
    "body": {
        "en": rich(
            "On International Women's Day 2022, WIMN salutes the power, creativity and organizing of women "
            "around the world and calls for full and equal rights for women in all their diversity.",
            "<ul><li><b>Labour rights.</b> Migrant women workers kept essential services running during the "
            "pandemic. Recovery plans must include freedom of association, collective bargaining, living wages, "
            "public health care regardless of status and the regularization of undocumented workers. We join "
            "the call for a New Social Contract.</li>"
            "<li><b>Vaccines.</b> As a member of Feminists for a People's Vaccine, WIMN calls for affordable "
            "vaccines for all and a TRIPS waiver at the WTO.</li>"
            "<li><b>Climate.</b> CSW-66 puts the climate crisis first. Finance for adaptation and for loss and "
            "damage must grow, and flexible, rights-based regular pathways must protect people displaced by "
            "climate change.</li>"
            "<li><b>The IMRF.</b> Regular pathways must go hand in hand with regularization, and policy must end "
            "the artificial separation between refugees and migrants.</li>"
            "<li><b>Ukraine.</b> We grieve the lives lost in Russia's war on Ukraine and call for equal "
            "treatment of all refugees, after racist treatment of Black, Roma and South Asian people at some "
            "borders.</li></ul>",
        ),
        "es": rich(
            "En el Día Internacional de la Mujer 2022, WIMN celebra la fuerza, la creatividad y la organización "
            "de las mujeres de todo el mundo y exige derechos plenos e iguales para las mujeres en toda su "
            "diversidad.",
            "<ul><li><b>Derechos laborales</b>, salud pública sin importar el estatus y regularización de las "
            "personas trabajadoras indocumentadas.</li>"
            "<li><b>Vacunas</b> asequibles para todas las personas y una exención de los ADPIC en la OMC.</li>"
            "<li><b>Clima</b>: más financiamiento para la adaptación y para pérdidas y daños, y vías regulares "
            "para las personas desplazadas por el clima.</li>"
            "<li><b>FEMI</b>: vías regulares junto con regularización, sin separar artificialmente a personas "
            "refugiadas y migrantes.</li>"
            "<li><b>Ucrania</b>: igualdad de trato para todas las personas refugiadas.</li></ul>",
        ),
        "fr": rich(
            "En cette Journée internationale des femmes 2022, WIMN salue la force, la créativité et "
            "l'organisation des femmes du monde entier et demande des droits pleins et égaux pour les femmes "
            "dans toute leur diversité.",
            "<ul><li><b>Droits du travail</b>, santé publique quel que soit le statut et régularisation des "
            "travailleuses et travailleurs sans papiers.</li>"
            "<li><b>Vaccins</b> abordables pour toutes et tous et dérogation aux ADPIC à l'OMC.</li>"
            "<li><b>Climat</b> : davantage de financement pour l'adaptation et les pertes et dommages, et des "
            "voies régulières pour les personnes déplacées par le climat.</li>"
            "<li><b>FEMI</b> : des voies régulières allant de pair avec la régularisation.</li>"
            "<li><b>Ukraine</b> : égalité de traitement pour toutes les personnes réfugiées.</li></ul>",
        ),
    },
    "pdf": ("WIMN statement for International Women's Day 2022", ("en", "es", "fr")),
    "signatories": [(None, WIMN)],
}

# The 2016 statement's full text, as the seed links it.
KEY_PRIORITIES_2016 = (
    '<a href="http://womeninmigration.org/wp-content/uploads/2016/07/WIMNKeyPriorities-July-7-15-16.pdf">'
    "WIMNKeyPriorities-July-7-15-16.pdf</a>"
)


def _note_uuid(number, slug="initial-elements-unga-summit-2016"):
    return uuid.uuid5(uuid.NAMESPACE_URL, f"wimn-demo:{slug}:note-{number}")


def _note(number):
    """A footnote reference as wagtail-footnotes stores it in rich text (the editor shows the short id)."""
    ref = _note_uuid(number)
    return f'<footnote id="{ref}">[{str(ref)[:6]}]</footnote>'


SUMMIT_2016 = {
    "slug": "initial-elements-unga-summit-2016",
    "date": datetime.date(2016, 7, 15),
    "kind": "statement",
    "topics": ["refugees-asylum", "global-compact"],
    "campaign_slug": "global-compact-2018",
    "title": {
        "en": "Initial elements for the outcome of the UN summit on refugees and migrants",
        "es": "Elementos iniciales para el documento final de la cumbre de la ONU sobre refugiados y migrantes",
        "pt": "Elementos iniciais para o documento final da cúpula da ONU sobre refugiados e migrantes",
        "fr": "Éléments initiaux pour le document final du sommet de l'ONU sur les réfugiés et les migrants",
    },
    "summary": {
        "en": "Ahead of the UN General Assembly summit on large movements of refugees and migrants on 19 "
        "September 2016, WIMN urged States to reject the binary of refugee or migrant and affirmed that all "
        "migrants have all human rights.",
        "es": "Antes de la cumbre de la Asamblea General de la ONU sobre grandes desplazamientos de refugiados y "
        "migrantes del 19 de septiembre de 2016, WIMN instó a los Estados a rechazar la división entre "
        "refugiado y migrante y afirmó que todas las personas migrantes tienen todos los derechos humanos.",
        "pt": "Antes da cúpula da Assembleia Geral da ONU sobre grandes movimentos de refugiados e migrantes de "
        "19 de setembro de 2016, a WIMN instou os Estados a rejeitar a divisão entre refugiado e migrante e "
        "afirmou que todas as pessoas migrantes têm todos os direitos humanos.",
        "fr": "Avant le sommet de l'Assemblée générale des Nations Unies sur les grands déplacements de réfugiés "
        "et de migrants du 19 septembre 2016, WIMN a exhorté les États à rejeter l'opposition entre réfugié et "
        "migrant et affirmé que toutes les personnes migrantes ont tous les droits humains.",
    },
    "body": {
        "en": rich(
            "WIMN welcomed the initiative of the UN Secretary-General, the President of the General Assembly and "
            "the co-chairs, the Permanent Representatives of Ireland and Jordan, to address large movements of "
            "refugees and migrants.",
            "We urged States to reject the binary framing of refugee or migrant. Many people in these movements "
            "are not refugees under the 1951 Convention, yet face discrimination, violence and harm, and may have "
            "no more options than a refugee. Treating migrants as less deserving has fuelled racism and "
            "xenophobia.",
            "Addressing the drivers of these movements needs a long-term commitment to equality between and "
            "within States, including sustainable development, disaster risk reduction, peacebuilding and action "
            f"on climate change.{_note(1)}",
            f"<h2>All migrants have all human rights{_note(2)}</h2>States that have not yet done so should ratify "
            f"the relevant international human rights, refugee, humanitarian, labour and criminal law standards."
            f"{_note(3)}",
        ),
        "es": rich(
            "WIMN celebró la iniciativa del Secretario General de la ONU, del Presidente de la Asamblea General y "
            "de los cofacilitadores, Irlanda y Jordania, para abordar los grandes desplazamientos de refugiados y "
            "migrantes.",
            "Instamos a los Estados a rechazar la división entre refugiado y migrante: muchas personas en estos "
            "desplazamientos no son refugiadas según la Convención de 1951, pero sufren discriminación y "
            "violencia.",
            "Abordar las causas de estos desplazamientos exige un compromiso a largo plazo con la igualdad entre "
            "los Estados y dentro de ellos, que incluya el desarrollo sostenible, la reducción del riesgo de "
            f"desastres, la consolidación de la paz y la acción frente al cambio climático.{_note(1)}",
            f"<h2>Todas las personas migrantes tienen todos los derechos humanos{_note(2)}</h2>Los Estados que aún "
            f"no lo hayan hecho deben ratificar las normas internacionales pertinentes.{_note(3)}",
        ),
    },
    "pdf": ("WIMN key priorities for the UNGA summit, July 2016", ("en",)),
    # The seed marks three notes ([1] after "climate change.", [2] after "All migrants have all human rights.",
    # [3] after "... to do so.") but does not give their text; it links the entire document, where they are.
    # So each note points there rather than inventing a text.
    "footnotes": [
        {
            "number": number,
            "text": {
                "en": f"The text of this note (note {number} of the original) is in the entire document: "
                f"{KEY_PRIORITIES_2016}",
                "es": f"El texto de esta nota (la nota {number} del original) figura en el documento completo: "
                f"{KEY_PRIORITIES_2016}",
                "pt": f"O texto desta nota (a nota {number} do original) está no documento completo: "
                f"{KEY_PRIORITIES_2016}",
                "fr": f"Le texte de cette note (la note {number} de l'original) figure dans le document complet : "
                f"{KEY_PRIORITIES_2016}",
            },
        }
        for number in (1, 2, 3)
    ],
}

PLEDGE = {
    "slug": "imrf-pledge",
    "date": datetime.date(2022, 5, 20),
    "topics": ["imrf", "global-compact", "climate", "labour-rights", "regularization"],
    "title": {
        "en": "WIMN's pledge at the IMRF",
        "es": "El compromiso de WIMN en el FEMI",
        "pt": "O compromisso da WIMN no FRMI",
        "fr": "L'engagement de WIMN au FEMI",
    },
    "summary": {
        "en": "The Women in Migration Network joins States and other stakeholders in pledging to improve and "
        "advance the Global Compact for Migration, with commitments we report on as we go.",
        "es": "La Red de Mujeres en la Migración se suma a los Estados y otros actores con un compromiso para "
        "mejorar y hacer avanzar el Pacto Mundial para la Migración, e informa de su cumplimiento.",
        "pt": "A Rede de Mulheres na Migração junta-se aos Estados e a outros atores com um compromisso para "
        "melhorar e fazer avançar o Pacto Global para a Migração, e informa sobre o seu cumprimento.",
        "fr": "Le Réseau Femmes en migration s'associe aux États et aux autres parties prenantes par un "
        "engagement à améliorer et faire progresser le Pacte mondial sur les migrations, et rend compte de sa "
        "mise en œuvre.",
    },
    "body": {
        "en": rich(
            "WIMN took part in the preparations for the IMRF, from the Regional Reviews and the UN Network's "
            "gender workstream to the negotiation of the Progress Declaration and a strong presence in New York. "
            "We see the Forum as a step towards deeper commitment by Member States to gender-responsive "
            "implementation of the Global Compact, applied to all its objectives.",
            "It remains the responsibility of States to respect, protect and fulfil human rights and labour "
            "standards as they implement migration policy. As follow-up to the IMRF, WIMN pledges to:",
        ),
        "es": rich(
            "WIMN participó en la preparación del FEMI, desde los exámenes regionales y el grupo de trabajo de "
            "género de la Red de la ONU hasta la negociación de la Declaración de Progreso. Vemos el Foro como un "
            "paso hacia un compromiso más profundo de los Estados con una aplicación del Pacto con perspectiva "
            "de género.",
            "Como seguimiento del FEMI, WIMN se compromete a:",
        ),
    },
    "commitments": [
        {
            "text": {
                "en": "Center the voices and experiences of migrant women in policy deliberations at regional and "
                "global levels, and gather their knowledge and priorities as part of gendered migration data.",
                "es": "Poner en el centro las voces y experiencias de las mujeres migrantes en las deliberaciones "
                "regionales y globales, y recoger sus conocimientos y prioridades en datos migratorios con "
                "perspectiva de género.",
            },
            "status": "in_progress",
            "note": {
                "en": "WIMN launched the Leadership in Global Advocacy (LIGA) programme for this.",
                "es": "WIMN puso en marcha con este fin el programa Liderazgo en Incidencia Global (LIGA).",
            },
        },
        {
            "text": {
                "en": "Work with States and the UN system for gender-responsive policy that recognizes migrant "
                "women's agency and leadership and addresses climate change, labour rights, regular pathways, "
                "regularization and access to services.",
                "es": "Trabajar con los Estados y el sistema de la ONU por políticas con perspectiva de género que "
                "reconozcan la agencia y el liderazgo de las mujeres migrantes.",
            },
            "status": "in_progress",
            "note": {
                "en": "Through the gender workstream: capacity building for States and civil society, and use of "
                "the anti-discrimination advocacy tool.",
                "es": "A través del grupo de trabajo de género: formación para Estados y sociedad civil.",
            },
        },
        {
            "text": {
                "en": "Work with the Gender & Migration Hub to review national implementation, monitoring and "
                "evaluation frameworks of the Compact with a gender lens.",
                "es": "Trabajar con el Gender & Migration Hub para examinar con enfoque de género los marcos "
                "nacionales de aplicación y seguimiento del Pacto.",
            },
            "status": "planned",
            "note": {},
        },
        {
            "text": {
                "en": "Continue to work with the UN Network on Migration for intersectional gender perspectives, "
                "a strong gender indicator and a funded Gender Rapporteur in all GCM processes.",
                "es": "Seguir trabajando con la Red de la ONU sobre la Migración por perspectivas de género "
                "interseccionales y una relatoría de género con financiamiento.",
            },
            "status": "in_progress",
            "note": {},
        },
        {
            "text": {
                "en": "Share the lessons of the 2021 regional intersectional and intersectoral dialogues on "
                "gender and migration.",
                "es": "Difundir las lecciones de los diálogos regionales interseccionales e intersectoriales "
                "de 2021 sobre género y migración.",
            },
            "status": "done",
            "note": {
                "en": "Report published in June 2023.",
                "es": "Informe publicado en junio de 2023.",
            },
        },
        {
            "text": {
                "en": "Close the gap between global advocacy and grassroots organizations with a pilot programme "
                "that helps local groups shape the global migration agenda.",
                "es": "Acercar la incidencia global y las organizaciones de base con un programa piloto.",
            },
            "status": "in_progress",
            "note": {},
        },
    ],
    "update_note": {
        "en": "Statuses updated and two commitments added after a year of follow-up.",
        "es": "Estados actualizados y dos compromisos añadidos tras un año de seguimiento.",
        "pt": "Situações atualizadas e dois compromissos acrescentados após um ano de acompanhamento.",
        "fr": "Statuts mis à jour et deux engagements ajoutés après un an de suivi.",
    },
    "pdf": ("WIMN pledge at the IMRF 2022", ("en", "es")),
}

OP_EDS = [
    {
        "slug": "op-ed-delivering-on-the-global-compact",
        "date": datetime.date(2022, 5, 16),
        "topics": ["imrf", "global-compact", "gender-based-violence"],
        "title": {
            "en": "Is the world delivering on the Global Migration Compact?",
            "es": "¿Está cumpliendo el mundo con el Pacto Mundial para la Migración?",
            "pt": "O mundo está cumprindo o Pacto Global para a Migração?",
            "fr": "Le monde tient-il les promesses du Pacte mondial sur les migrations ?",
        },
        "summary": {
            "en": "Four years after Marrakech, the IMRF asks whether States have kept their promises to migrants. "
            "An op-ed for openDemocracy by Bandana Pattanaik of GAATW.",
            "es": "Cuatro años después de Marrakech, el FEMI pregunta si los Estados han cumplido sus promesas a "
            "las personas migrantes. Artículo de Bandana Pattanaik (GAATW) en openDemocracy.",
            "pt": "Quatro anos depois de Marrakech, o FRMI pergunta se os Estados cumpriram as suas promessas às "
            "pessoas migrantes. Artigo de Bandana Pattanaik (GAATW) no openDemocracy.",
            "fr": "Quatre ans après Marrakech, le FEMI demande si les États ont tenu leurs promesses envers les "
            "migrants. Tribune de Bandana Pattanaik (GAATW) pour openDemocracy.",
        },
        "authors": [
            (
                "Bandana Pattanaik",
                {"en": "International Coordinator", "es": "Coordinadora internacional"},
                "gaatw",
                "Global Alliance Against Traffic in Women (GAATW)",
            )
        ],
        "url": "https://www.opendemocracy.net/en/beyond-trafficking-and-slavery/global-migration-compact-imrf/",
        "versions": [],
        "pdf": ("Op-ed: Is the world delivering on the Global Migration Compact?", ("en",)),
    },
    {
        "slug": "op-ed-climate-migrants",
        "date": datetime.date(2022, 5, 17),
        "topics": ["climate", "imrf"],
        "title": {
            "en": "What should the world do about climate migrants?",
            "es": "¿Qué debe hacer el mundo frente a los migrantes climáticos?",
            "pt": "O que devemos fazer em relação aos migrantes climáticos?",
            "fr": "Que doit faire le monde face aux migrants climatiques ?",
        },
        "summary": {
            "en": "Climate change already drives migration and women bear much of its cost. Catherine Tactaquin "
            "asks what rights-based pathways for people displaced by climate should look like.",
            "es": "El cambio climático ya impulsa la migración y las mujeres cargan con buena parte de su costo. "
            "Catherine Tactaquin plantea cómo deberían ser las vías basadas en derechos para las personas "
            "desplazadas por el clima.",
            "pt": "A mudança climática já impulsiona a migração e as mulheres arcam com boa parte do seu custo. "
            "Catherine Tactaquin pergunta como devem ser as vias baseadas em direitos para as pessoas deslocadas "
            "pelo clima.",
            "fr": "Le changement climatique pousse déjà à migrer et les femmes en paient une large part. Catherine "
            "Tactaquin s'interroge sur des voies fondées sur les droits pour les personnes déplacées par le "
            "climat.",
        },
        "body": {
            "en": rich(
                "Catherine Tactaquin writes that the review of the Global Compact must take climate displacement "
                "seriously, with a gender lens and with regular pathways for those who do not fit existing "
                "categories of protection."
            ),
            "es": rich(
                "Catherine Tactaquin sostiene que el examen del Pacto Mundial debe tomar en serio el "
                "desplazamiento climático, con enfoque de género y con vías regulares para quienes no encajan "
                "en las categorías de protección existentes."
            ),
            "pt": rich(
                "Catherine Tactaquin defende que a revisão do Pacto Global leve a sério o deslocamento climático, "
                "com olhar de gênero e com vias regulares para quem não se encaixa nas categorias de proteção "
                "existentes."
            ),
        },
        "authors": [
            (
                "Catherine Tactaquin",
                {
                    "en": "Former director of the National Network for Immigrant and Refugee Rights, member of the "
                    "Women in Migration Network",
                    "es": "Exdirectora de la National Network for Immigrant and Refugee Rights, integrante de la "
                    "Red de Mujeres en la Migración",
                    "pt": "Ex-diretora da National Network for Immigrant and Refugee Rights, integrante da Rede de "
                    "Mulheres na Migração",
                },
                None,
                "",
            )
        ],
        "url": "https://www.opendemocracy.net/en/what-should-the-world-do-about-climate-migrants/",
        "versions": [
            (
                "es",
                "¿Qué debe hacer el mundo frente a los migrantes climáticos?",
                "https://www.opendemocracy.net/es/que-debe-hacer-mundo-migrantes-climaticos/",
            ),
            (
                "pt",
                "O que devemos fazer em relação aos migrantes climáticos?",
                "https://www.opendemocracy.net/pt/o-que-devemos-fazer-migrantes-climaticos/",
            ),
        ],
        "pdf": ("Op-ed: What should the world do about climate migrants?", ("en", "es")),
    },
    {
        "slug": "op-ed-decent-work-for-all",
        "date": datetime.date(2022, 5, 18),
        "topics": ["labour-rights", "domestic-work", "imrf"],
        "title": {
            "en": "Decent work for all, including migrants",
            "es": "Trabajo decente para todas las personas, también las migrantes",
            "pt": "Trabalho decente para todas as pessoas, inclusive as migrantes",
            "fr": "Un travail décent pour toutes et tous, y compris les migrants",
        },
        "summary": {
            "en": "Migrant workers need the right to organize and bargain collectively, not temporary programmes "
            "that tie them to one employer. By Neha Misra of the Solidarity Center and Shannon Lederer of the "
            "AFL-CIO.",
            "es": "Las personas trabajadoras migrantes necesitan el derecho a organizarse y negociar "
            "colectivamente, no programas temporales que las atan a un empleador. Por Neha Misra (Solidarity "
            "Center) y Shannon Lederer (AFL-CIO).",
            "pt": "Trabalhadoras e trabalhadores migrantes precisam do direito de se organizar e negociar "
            "coletivamente, não de programas temporários que os prendem a um empregador. Por Neha Misra "
            "(Solidarity Center) e Shannon Lederer (AFL-CIO).",
            "fr": "Les travailleurs migrants ont besoin du droit de s'organiser et de négocier collectivement, pas "
            "de programmes temporaires qui les lient à un employeur. Par Neha Misra (Solidarity Center) et "
            "Shannon Lederer (AFL-CIO).",
        },
        "authors": [
            (
                "Neha Misra",
                {"en": "Senior Specialist", "es": "Especialista sénior"},
                "solidarity-center",
                "Solidarity Center",
            ),
            (
                "Shannon Lederer",
                {"en": "Director of Immigration Policy", "es": "Directora de Política Migratoria"},
                "afl-cio",
                "American Federation of Labor and Congress of Industrial Organizations (AFL-CIO)",
            ),
        ],
        "url": "https://www.opendemocracy.net/en/decent-work-for-all-including-migrants/",
        "versions": [
            (
                "es",
                "Trabajo decente para todas las personas, también las migrantes",
                "https://www.opendemocracy.net/es/trabajo-decente-para-todas-las-personas-migrantes/",
            ),
            (
                "pt",
                "Trabalho decente para todas as pessoas, inclusive as migrantes",
                "https://www.opendemocracy.net/pt/trabalho-decente-para-todas-as-pessoas-migrantes/",
            ),
        ],
        "pdf": ("Op-ed: Decent work for all, including migrants", ("en",)),
    },
    {
        "slug": "op-ed-human-cost-of-border-deterrence",
        "date": datetime.date(2022, 5, 19),
        "topics": ["refugees-asylum", "gender-based-violence"],
        "title": {
            "en": "The human cost of border deterrence",
            "es": "El costo humano de la disuasión en las fronteras",
            "pt": "O custo humano da dissuasão nas fronteiras",
        },  # no French yet: an example of a missing translation for the translation desk
        "summary": {
            "en": "Walls, detention and militarized borders do not stop migration; they make it deadlier. Alma "
            "Maquitico of NNIRR on what deterrence costs migrants and their families.",
            "es": "Los muros, la detención y las fronteras militarizadas no detienen la migración: la vuelven más "
            "mortal. Alma Maquitico (NNIRR) sobre lo que la disuasión cuesta a las personas migrantes y sus "
            "familias.",
            "pt": "Muros, detenção e fronteiras militarizadas não impedem a migração: tornam-na mais mortal. Alma "
            "Maquitico (NNIRR) sobre o que a dissuasão custa às pessoas migrantes e às suas famílias.",
        },
        "authors": [
            (
                "Alma Maquitico",
                {"en": "Director", "es": "Directora", "pt": "Diretora", "fr": "Directrice"},
                "nnirr",
                "National Network for Immigrant and Refugee Rights (NNIRR)",
            )
        ],
        "url": "https://www.opendemocracy.net/en/human-cost-of-border-deterrence/",
        "versions": [],
        "pdf": ("Op-ed: The human cost of border deterrence", ("en",)),
    },
]


# "WIMN in the News" (seed: the IMRF page). The seed links the interview ("Read the interview here.") without
# giving its address, so the page has no link; nor does it give a day: it was published before the Spotlight
# Report's release on 28 April 2022, and that day is the date used here (an approximation).
NEWS = [
    {
        "slug": "imrf-puts-global-spotlight-on-migration",
        "date": datetime.date(2022, 4, 28),
        "campaign": None,
        "topics": ["imrf", "global-compact"],
        "outlet": "Friedrich-Ebert-Stiftung (FES)",
        "format": "interview",
        "language": "en",
        "title": {
            "en": "IMRF puts global spotlight on migration",
            "es": "El FEMI pone la migración en el centro de la atención mundial",
            "pt": "O FRMI coloca a migração no centro da atenção mundial",
            "fr": "Le FEMI place les migrations sous les projecteurs du monde",
        },
        "summary": {
            "en": "WIMN members interviewed by Friedrich-Ebert-Stiftung on the IMRF.",
            "es": "Integrantes de WIMN entrevistadas por la Fundación Friedrich Ebert sobre el FEMI.",
            "pt": "Integrantes da WIMN entrevistadas pela Fundação Friedrich Ebert sobre o FRMI.",
            "fr": "Des membres de WIMN interviewées par la Fondation Friedrich Ebert sur le FEMI.",
        },
        "body": {
            "en": rich(
                "WIMN members Carol Barton, WIMN’s co-convenor, and Neha Misra of Solidarity Center recently spoke "
                "with Friedrich-Ebert-Stiftung (FES) about the expectations towards the International Migration "
                "Review Forum (IMRF), the first review of the UN’s Global Compact for Safe, Orderly and Regular "
                "Migration, approved by states in December 2018. They commented on the problem of shrinking spaces "
                "at the UN and the key recommendations of the “Spotlight Report on Global Migration”, soon to be "
                "published by FES and the Global Coalition on Migration, where WIMN is a member and a contributor to "
                "the report, which will be released on April 28. FES also spoke with Stéphane Jaquemet of the "
                "International Catholic Migration Commission – ICMC, also a member of the coalition. The IMRF will "
                "take place in New York On May 17-22."
            ),
            "es": rich(
                "Carol Barton, co-convocante de WIMN, y Neha Misra, del Solidarity Center, integrantes de WIMN, "
                "conversaron con la Fundación Friedrich Ebert (FES) sobre lo que se espera del Foro de Examen de la "
                "Migración Internacional (FEMI), el primer examen del Pacto Mundial para la Migración Segura, "
                "Ordenada y Regular de la ONU, aprobado por los Estados en diciembre de 2018. Hablaron del problema "
                "de la reducción de los espacios en la ONU y de las principales recomendaciones del “Spotlight "
                "Report on Global Migration”, que publicarán la FES y la Global Coalition on Migration, de la que "
                "WIMN es miembro y a cuyo informe contribuyó, y que se presentará el 28 de abril. La FES también "
                "conversó con Stéphane Jaquemet, de la Comisión Católica Internacional de Migración (CCIM), "
                "también miembro de la coalición. El FEMI se celebrará en Nueva York del 17 al 22 de mayo."
            ),
            "pt": rich(
                "Carol Barton, coconvocadora da WIMN, e Neha Misra, do Solidarity Center, integrantes da WIMN, "
                "conversaram com a Fundação Friedrich Ebert (FES) sobre as expectativas em relação ao Fórum de "
                "Revisão da Migração Internacional (FRMI), a primeira revisão do Pacto Global para a Migração "
                "Segura, Ordenada e Regular da ONU, aprovado pelos Estados em dezembro de 2018. Comentaram o "
                "problema da redução dos espaços na ONU e as principais recomendações do “Spotlight Report on "
                "Global Migration”, a ser publicado pela FES e pela Global Coalition on Migration, da qual a WIMN "
                "é membro e para cujo relatório contribuiu, e que será lançado em 28 de abril. A FES também "
                "conversou com Stéphane Jaquemet, da Comissão Católica Internacional de Migração (ICMC), também "
                "membro da coalizão. O FRMI será realizado em Nova York de 17 a 22 de maio."
            ),
            "fr": rich(
                "Carol Barton, co-coordinatrice de WIMN, et Neha Misra, du Solidarity Center, membres de WIMN, se "
                "sont entretenues avec la Fondation Friedrich Ebert (FES) de ce qu'elles attendent du Forum "
                "d'examen des migrations internationales (FEMI), le premier examen du Pacte mondial pour des "
                "migrations sûres, ordonnées et régulières de l'ONU, adopté par les États en décembre 2018. Elles "
                "ont évoqué le rétrécissement des espaces à l'ONU et les principales recommandations du "
                "« Spotlight Report on Global Migration », que publieront la FES et la Global Coalition "
                "on Migration, dont WIMN est membre et au rapport de laquelle elle a contribué, et qui paraîtra le "
                "28 avril. La FES s'est aussi entretenue avec Stéphane Jaquemet, de la Commission internationale "
                "catholique pour les migrations (CICM), également membre de la coalition. Le FEMI se tiendra à "
                "New York du 17 au 22 mai."
            ),
        },
    },
]

# Partners' material the seed lists with "[Continue reading]" (seed: the 2016 home page), where it names the
# source and the date. The seed gives neither the originals' addresses nor PICUM's, so those pages name the
# source without a link; NACLA's address is the one the excerpt itself gives.
REPOSTS = [
    {
        "slug": "world-health-day-undocumented-migrants-srh-rights",
        "date": datetime.date(2016, 4, 7),
        "topics": ["gender-based-violence"],
        "source_name": "PICUM",
        "source_url": "",
        "original_url": "",
        "byline": "",
        "excerpt": "BRUSSELS, 7 April 2016 - On the occasion of World Health Day, the Platform for International "
        "Cooperation on Undocumented Migrants (PICUM) urges governments to change legislation and practices to "
        "ensure access to sexual and reproductive health …",
        "title": {
            "en": "World Health Day: Uphold Undocumented Migrants’ Sexual and Reproductive Health Rights",
            "es": "Día Mundial de la Salud: defender los derechos sexuales y reproductivos de las personas "
            "migrantes indocumentadas",
            "pt": "Dia Mundial da Saúde: defender os direitos sexuais e reprodutivos das pessoas migrantes "
            "indocumentadas",
            "fr": "Journée mondiale de la santé : défendre les droits sexuels et reproductifs des personnes "
            "migrantes sans papiers",
        },
        "summary": {
            "en": "PICUM's call on World Health Day, 7 April 2016, for undocumented migrants' access to sexual and "
            "reproductive health.",
            "es": "El llamamiento de PICUM en el Día Mundial de la Salud, 7 de abril de 2016, por el acceso de las "
            "personas migrantes indocumentadas a la salud sexual y reproductiva.",
            "pt": "O apelo da PICUM no Dia Mundial da Saúde, 7 de abril de 2016, pelo acesso das pessoas migrantes "
            "indocumentadas à saúde sexual e reprodutiva.",
            "fr": "L'appel de PICUM pour la Journée mondiale de la santé, le 7 avril 2016, pour l'accès des "
            "personnes migrantes sans papiers à la santé sexuelle et reproductive.",
        },
    },
    {
        "slug": "aiding-central-americas-women-on-the-run",
        "date": datetime.date(2016, 1, 7),
        "topics": ["refugees-asylum"],
        "source_name": "NACLA",
        "source_url": "https://nacla.org",
        "original_url": "",
        "byline": "",
        "excerpt": "By issuing tourist and humanitarian visas to migrants, the Mexican government could begin to "
        "move past the failures of U.S.-backed border militarization. [Jan. 7, 2016] Published on NACLA "
        "(https://nacla.org) This is the fourth and final article in …",
        "title": {
            "en": "Aiding Central America’s “Women on the Run”",
            "es": "Ayudar a las “mujeres en fuga” de Centroamérica",
            "pt": "Ajudar as “mulheres em fuga” da América Central",
            "fr": "Aider les « femmes en fuite » d'Amérique centrale",
        },
        "summary": {
            "en": "An article published on NACLA on 7 January 2016: tourist and humanitarian visas for migrants "
            "from Central America in Mexico.",
            "es": "Un artículo publicado en NACLA el 7 de enero de 2016: visas de turista y humanitarias para "
            "migrantes de Centroamérica en México.",
            "pt": "Um artigo publicado na NACLA em 7 de janeiro de 2016: vistos de turista e humanitários para "
            "migrantes da América Central no México.",
            "fr": "Un article publié par NACLA le 7 janvier 2016 : des visas de tourisme et humanitaires pour les "
            "migrants d'Amérique centrale au Mexique.",
        },
    },
]


class _Context:
    """What the demo links to when the other apps' demo content exists (organizations, campaigns, topics)."""

    def __init__(self):
        self.organizations = {o.slug: o for o in Organization.objects.all()}
        self.campaigns = {c.slug: c for c in CampaignPage.objects.all()}
        self.topics = {t.slug: t for t in Topic.objects.all()}

    def campaign(self, spec):
        if "campaign" in spec and spec["campaign"] is None:
            return None
        return self.campaigns.get(spec.get("campaign_slug", "road-to-imrf"))

    def topic_list(self, slugs):
        return [self.topics[s] for s in slugs if s in self.topics]


def _fields(spec, *names):
    out = {}
    for name in names:
        out.update(translated(name, spec.get(name, {})))
    return out


def _stream(value):
    """Factories accept lists of (block, value); keep StreamValues as they are."""
    return value if isinstance(value, StreamValue) else list(value)


def _attachments(spec, kind):
    """The page's generated PDF (one document per language, the first the original), as unsaved attachments."""
    title, languages = spec["pdf"]
    original = None
    for code in languages:
        # The file carries the page's own text in its language (its title too, for a translation), so the
        # library, search and a download show what a reader of the real document would see.
        own_title = title if code == languages[0] else spec["title"].get(code) or title
        bodies, summaries = spec.get("body", {}), spec.get("summary", {})
        text = bodies.get(code) or bodies.get("en") or [summaries.get(code) or summaries.get("en", "")]
        doc = DocumentFactory(
            title=own_title,
            language=code,
            original=original,
            doc_type={"pledge": "pledge", "comment": "comment", "media_alert": "media_release"}.get(kind, "statement"),
            year=spec["date"].year,
            file=ContentFile(
                statement_pdf(own_title, code, spec["date"], text), name=f"wimn-{spec['slug']}-{code}.pdf"
            ),
        )
        original = original or doc
    return [StatementAttachment(document=original, **translated("label", {}))]


def _published(spec):
    """Publication timestamps matching the page's date (factories create pages live, without a revision)."""
    moment = timezone.make_aware(datetime.datetime.combine(spec["date"], datetime.time(12, 0)))
    return {"first_published_at": moment, "last_published_at": moment}


def _publish(page):
    revision = page.save_revision()
    revision.publish()
    return revision


def _statement(index, ctx, spec):
    factory = MediaAlertFactory if spec["kind"] == "media_alert" else StatementPageFactory
    extra = {}
    if spec["kind"] == "media_alert":
        extra.update(translated("dateline", spec["dateline"]))
        extra["dateline"] = spec["dateline"]["en"]
        extra["press_contact_name"], extra["press_contact_email"] = spec["press"]
    body = {code: _stream(value) for code, value in spec["body"].items()}
    page = factory(
        parent=index,
        slug=spec["slug"],
        date=spec["date"],
        kind=spec["kind"],
        title=spec["title"]["en"],
        summary=spec["summary"]["en"],
        campaign=ctx.campaign(spec),
        topics=ctx.topic_list(spec["topics"]),
        **_fields(spec, "title", "summary"),
        **translated("body", body),
        **extra,
        **_published(spec),
        signatories=[
            StatementSignatory(organization=ctx.organizations.get(slug) if slug else None, organization_name=name)
            for slug, name in spec.get("signatories", [])
        ],
        attachments=_attachments(spec, spec["kind"]),
        footnotes=[
            Footnote(
                uuid=_note_uuid(note["number"], spec["slug"]),
                text=note["text"]["en"],
                **translated("text", note["text"]),
            )
            for note in spec.get("footnotes", [])
        ],
    )
    return page


def _pledge(index, ctx, spec):
    """The pledge as made in May 2022 (first revision), then its July 2023 update (second revision)."""
    page = PledgePageFactory(
        parent=index,
        slug=spec["slug"],
        date=spec["date"],
        title=spec["title"]["en"],
        summary=spec["summary"]["en"],
        campaign=ctx.campaign(spec),
        topics=ctx.topic_list(spec["topics"]),
        last_updated=spec["date"],
        **_fields(spec, "title", "summary"),
        **translated("body", spec["body"]),
        **translated("update_note", {}),
        # May 2022: the first four commitments, all planned.
        commitments=[
            PledgeCommitment(status="planned", text=item["text"]["en"], **translated("text", item["text"]))
            for item in spec["commitments"][:4]
        ],
        attachments=_attachments(spec, "pledge"),
    )
    _backdate_revision(_publish(page), _published(spec)["first_published_at"])
    backdate(page, _published(spec)["first_published_at"])
    # July 2023 update: statuses, notes and two new commitments. Not yet in Portuguese: an example of a
    # stale translation for the translation desk ("PT stale since 4 Jul 2023").
    page = type(page).objects.get(pk=page.pk)
    existing = list(page.commitments.all())
    for commitment, item in zip(existing, spec["commitments"], strict=False):
        commitment.status = item["status"]
        for code, value in translated("note", _not_portuguese(item["note"])).items():
            setattr(commitment, code, value)
        commitment.note = item["note"].get("en", "")
    new = []
    for item in spec["commitments"][4:]:
        new.append(
            PledgeCommitment(
                status=item["status"],
                text=item["text"]["en"],
                note=item["note"].get("en", ""),
                **translated("text", _not_portuguese(item["text"])),
                **translated("note", _not_portuguese(item["note"])),
            )
        )
    page.commitments = existing + new
    page.last_updated = datetime.date(2023, 7, 4)
    for code, value in translated("update_note", _not_portuguese(spec["update_note"])).items():
        setattr(page, code, value)
    _backdate_revision(_publish(page), timezone.make_aware(datetime.datetime(2023, 7, 4, 12, 0)))
    backdate(page, timezone.make_aware(datetime.datetime(2023, 7, 4, 12, 0)))
    return page


def _backdate_revision(revision, moment):
    """Date a published revision and its publish log entry `moment`, so the pledge's history tells its story."""
    Revision.objects.filter(pk=revision.pk).update(created_at=moment)
    PageLogEntry.objects.filter(revision_id=revision.pk).update(timestamp=moment)


def _not_portuguese(texts):
    return {code: text for code, text in texts.items() if code != "pt"}


def _op_ed(index, ctx, spec):
    page = OpEdPageFactory(
        parent=index,
        slug=spec["slug"],
        date=spec["date"],
        title=spec["title"]["en"],
        summary=spec["summary"]["en"],
        outlet="openDemocracy",
        original_url=spec["url"],
        campaign=ctx.campaign(spec),
        topics=ctx.topic_list(spec["topics"]),
        **_fields(spec, "title", "summary"),
        **translated("body", spec.get("body", {})),
        **_published(spec),
        authors=[_author(ctx, *author) for author in spec["authors"]],
        language_versions=[
            OpEdVersion(language=language, title=title, url=url, outlet="openDemocracy")
            for language, title, url in spec["versions"]
        ],
        attachments=_attachments(spec, "op_ed"),
    )
    return page


def _author(ctx, name, role, org_slug, org_name):
    """An op-ed author, linked to the organizations directory when the organization is there."""
    organization = ctx.organizations.get(org_slug) if org_slug else None
    return OpEdAuthor(
        name=name,
        role=role.get("en", ""),
        organization=organization,
        organization_name="" if organization else org_name,
        **translated("role", role),
    )


def load(home):
    """The statements section and its demo pages under `home`; returns the section."""
    ctx = _Context()
    index = StatementIndexPageFactory(parent=home, show_in_menus=True, **_fields(INDEX, "title", "intro"))
    for spec in (ROADMAP_2021, PROGRESS_DECLARATION, MEDIA_ALERT, COMMENT_REV2, COMMENT_REV3, IWD_2022, SUMMIT_2016):
        _statement(index, ctx, spec)
    _pledge(index, ctx, PLEDGE)
    for spec in OP_EDS:
        _op_ed(index, ctx, spec)
    for spec in NEWS:
        _news(index, ctx, spec)
    for spec in REPOSTS:
        _repost(index, ctx, spec)
    return index


def _news(index, ctx, spec):
    """News coverage of the network (no campaign: the seeds file it under none)."""
    return NewsCoveragePageFactory(
        parent=index,
        slug=spec["slug"],
        date=spec["date"],
        title=spec["title"]["en"],
        summary=spec["summary"]["en"],
        outlet=spec["outlet"],
        coverage_format=spec["format"],
        url=spec.get("url", ""),
        piece_language=spec["language"],
        campaign=ctx.campaign(spec),
        topics=ctx.topic_list(spec["topics"]),
        **_fields(spec, "title", "summary"),
        **translated("body", spec["body"]),
        **_published(spec),
    )


def _repost(index, ctx, spec):
    """A partner's post the seed lists with "[Continue reading]"."""
    return RepostPageFactory(
        parent=index,
        slug=spec["slug"],
        date=spec["date"],
        title=spec["title"]["en"],
        summary=spec["summary"]["en"],
        source_name=spec["source_name"],
        source_url=spec["source_url"],
        original_url=spec["original_url"],
        byline=spec["byline"],
        excerpt=spec["excerpt"],
        excerpt_en=spec["excerpt"],
        original_language="en",
        campaign=None,
        topics=ctx.topic_list(spec["topics"]),
        **_fields(spec, "title", "summary"),
        **_published(spec),
    )
