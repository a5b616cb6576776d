"""Demo content for campaigns: the road to the IMRF, the organizations directory and the advocacy calendar.

Facts (names, dates, places, who co-sponsored what) come from the network's current site (shared/seeds);
the wording is the product's own. Other apps' demo content relies on the organization slugs below.
"""

import datetime

from wimn_site.factories import rich, translated

from .factories import (
    AdvocacyCalendarPageFactory,
    AdvocacyDayFactory,
    CampaignDemandFactory,
    CampaignIndexPageFactory,
    CampaignMilestoneFactory,
    CampaignPageFactory,
    CoalitionMembershipFactory,
    OrganizationDirectoryPageFactory,
    OrganizationFactory,
    logo_image,
)
from .models import AdvocacyDay, CampaignPage

COUNTRIES = {
    "Bangladesh": {"es": "Bangladés", "pt": "Bangladesh", "fr": "Bangladesh"},
    "Belgium": {"es": "Bélgica", "pt": "Bélgica", "fr": "Belgique"},
    "Canada": {"es": "Canadá", "pt": "Canadá", "fr": "Canada"},
    "Colombia": {"es": "Colombia", "pt": "Colômbia", "fr": "Colombie"},
    "Germany": {"es": "Alemania", "pt": "Alemanha", "fr": "Allemagne"},
    "Mexico": {"es": "México", "pt": "México", "fr": "Mexique"},
    "Netherlands": {"es": "Países Bajos", "pt": "Países Baixos", "fr": "Pays-Bas"},
    "Switzerland": {"es": "Suiza", "pt": "Suíça", "fr": "Suisse"},
    "Thailand": {"es": "Tailandia", "pt": "Tailândia", "fr": "Thaïlande"},
    "United States": {"es": "Estados Unidos", "pt": "Estados Unidos", "fr": "États-Unis"},
}

# slug, name (translations only where the body has an official one), acronym, region, sector, relation,
# country (English), website, description in four languages.
ORGANIZATIONS = [
    (
        "act-alliance",
        {"en": "ACT Alliance"},
        "",
        "global",
        "faith",
        "partner",
        "",
        "https://actalliance.org",
        {
            "en": "A coalition of churches and faith-based organizations working on humanitarian aid, development "
            "and advocacy in over 120 countries.",
            "es": "Una coalición de iglesias y organizaciones basadas en la fe que trabaja en ayuda humanitaria, "
            "desarrollo e incidencia en más de 120 países.",
            "pt": "Uma coalizão de igrejas e organizações baseadas na fé que atua em ajuda humanitária, "
            "desenvolvimento e incidência em mais de 120 países.",
            "fr": "Une coalition d'Églises et d'organisations confessionnelles engagées dans l'aide humanitaire, "
            "le développement et le plaidoyer dans plus de 120 pays.",
        },
    ),
    (
        "afl-cio",
        {"en": "American Federation of Labor and Congress of Industrial Organizations"},
        "AFL-CIO",
        "north-america",
        "labour",
        "partner",
        "United States",
        "https://aflcio.org",
        {
            "en": "The federation of unions in the United States; it works for the labour rights of migrant "
            "workers whatever their status.",
            "es": "La federación de sindicatos de Estados Unidos; defiende los derechos laborales de las personas "
            "trabajadoras migrantes, cualquiera que sea su estatus.",
            "pt": "A federação de sindicatos dos Estados Unidos; defende os direitos trabalhistas das pessoas "
            "trabalhadoras migrantes, qualquer que seja a sua situação.",
            "fr": "La fédération des syndicats des États-Unis ; elle défend les droits des travailleuses et "
            "travailleurs migrants, quel que soit leur statut.",
        },
    ),
    (
        "alianza-americas",
        {"en": "Alianza Americas"},
        "",
        "north-america",
        "migrant-rights",
        "partner",
        "United States",
        "https://www.alianzaamericas.org",
        {
            "en": "A network of migrant-led organizations from Latin America working across the Americas.",
            "es": "Una red de organizaciones lideradas por personas migrantes latinoamericanas que trabaja en "
            "todo el continente americano.",
            "pt": "Uma rede de organizações lideradas por migrantes latino-americanos que atua em todo o "
            "continente americano.",
            "fr": "Un réseau d'organisations dirigées par des migrants latino-américains, actif dans toutes les "
            "Amériques.",
        },
    ),
    (
        "bloque-latinoamericano",
        {"en": "Bloque Latinoamericano sobre Migración"},
        "",
        "latin-america",
        "migrant-rights",
        "partner",
        "",
        "",
        {
            "en": "A Latin American bloc of civil society organizations that speaks on migration in regional and "
            "UN processes.",
            "es": "Un bloque latinoamericano de organizaciones de la sociedad civil que se pronuncia sobre "
            "migración en los procesos regionales y de la ONU.",
            "pt": "Um bloco latino-americano de organizações da sociedade civil que se posiciona sobre migração "
            "nos processos regionais e da ONU.",
            "fr": "Un bloc latino-américain d'organisations de la société civile qui s'exprime sur les migrations "
            "dans les processus régionaux et onusiens.",
        },
    ),
    (
        "gaatw",
        {"en": "Global Alliance Against Traffic in Women"},
        "GAATW",
        "asia-pacific",
        "womens-rights",
        "member",
        "Thailand",
        "https://gaatw.org",
        {
            "en": "An alliance of organizations from all regions that puts the human rights of migrant women at "
            "the centre of anti-trafficking work.",
            "es": "Una alianza de organizaciones de todas las regiones que sitúa los derechos humanos de las "
            "mujeres migrantes en el centro de la lucha contra la trata.",
            "pt": "Uma aliança de organizações de todas as regiões que coloca os direitos humanos das mulheres "
            "migrantes no centro do combate ao tráfico.",
            "fr": "Une alliance d'organisations de toutes les régions qui place les droits humains des femmes "
            "migrantes au cœur de la lutte contre la traite.",
        },
    ),
    (
        "global-coalition-on-migration",
        {
            "en": "Global Coalition on Migration",
            "es": "Coalición Global sobre Migración",
            "pt": "Coalizão Global sobre Migração",
            "fr": "Coalition mondiale sur les migrations",
        },
        "GCM",
        "global",
        "migrant-rights",
        "coalition",
        "",
        "",
        {
            "en": "A global network of national, regional and international migrant rights networks. The network is "
            "a member and contributed to its Spotlight Report on Global Migration.",
            "es": "Una red mundial de redes nacionales, regionales e internacionales por los derechos de las "
            "personas migrantes. La red es miembro y contribuyó a su Informe Spotlight sobre la Migración Global.",
            "pt": "Uma rede global de redes nacionais, regionais e internacionais pelos direitos das pessoas "
            "migrantes. A rede é membro e contribuiu para o seu Relatório Spotlight sobre a Migração Global.",
            "fr": "Un réseau mondial de réseaux nationaux, régionaux et internationaux de défense des droits des "
            "migrants. Le réseau en est membre et a contribué à son rapport Spotlight sur les migrations mondiales.",
        },
    ),
    (
        "imumi",
        {"en": "Instituto para las Mujeres en la Migración"},
        "IMUMI",
        "latin-america",
        "womens-rights",
        "member",
        "Mexico",
        "https://imumi.org",
        {
            "en": "A Mexican organization defending the rights of migrant women and their families in Mexico, "
            "the United States and Central America.",
            "es": "Una organización mexicana que defiende los derechos de las mujeres migrantes y sus familias en "
            "México, Estados Unidos y Centroamérica.",
            "pt": "Uma organização mexicana que defende os direitos das mulheres migrantes e das suas famílias no "
            "México, nos Estados Unidos e na América Central.",
            "fr": "Une organisation mexicaine qui défend les droits des femmes migrantes et de leurs familles au "
            "Mexique, aux États-Unis et en Amérique centrale.",
        },
    ),
    (
        "international-detention-coalition",
        {"en": "International Detention Coalition"},
        "IDC",
        "global",
        "human-rights",
        "partner",
        "",
        "https://idcoalition.org",
        {
            "en": "A coalition working to end immigration detention and for community-based alternatives.",
            "es": "Una coalición que trabaja para poner fin a la detención migratoria y por alternativas en la "
            "comunidad.",
            "pt": "Uma coalizão que trabalha pelo fim da detenção de migrantes e por alternativas na comunidade.",
            "fr": "Une coalition qui œuvre pour mettre fin à la détention des migrants et pour des alternatives "
            "dans la communauté.",
        },
    ),
    (
        "latinas-en-poder",
        {"en": "Latinas en Poder"},
        "",
        "north-america",
        "womens-rights",
        "partner",
        "United States",
        "",
        {
            "en": "An organization building the leadership of Latina women in the United States.",
            "es": "Una organización que fortalece el liderazgo de las mujeres latinas en Estados Unidos.",
            "pt": "Uma organização que fortalece a liderança das mulheres latinas nos Estados Unidos.",
            "fr": "Une organisation qui renforce le leadership des femmes latinas aux États-Unis.",
        },
    ),
    (
        "ngo-committee-on-migration",
        {
            "en": "NGO Committee on Migration",
            "es": "Comité de ONG sobre Migración",
            "pt": "Comitê de ONGs sobre Migração",
            "fr": "Comité des ONG sur les migrations",
        },
        "",
        "global",
        "migrant-rights",
        "partner",
        "United States",
        "",
        {
            "en": "Non-governmental organizations that follow migration at the United Nations in New York.",
            "es": "Organizaciones no gubernamentales que siguen la migración en las Naciones Unidas en Nueva York.",
            "pt": "Organizações não governamentais que acompanham a migração nas Nações Unidas em Nova York.",
            "fr": "Des organisations non gouvernementales qui suivent les migrations aux Nations unies à New York.",
        },
    ),
    (
        "nnirr",
        {"en": "National Network for Immigrant and Refugee Rights"},
        "NNIRR",
        "north-america",
        "migrant-rights",
        "member",
        "United States",
        "https://nnirr.org",
        {
            "en": "A national network of immigrant and refugee rights organizations in the United States, working "
            "against border militarization.",
            "es": "Una red nacional de organizaciones por los derechos de inmigrantes y refugiados en Estados "
            "Unidos, que trabaja contra la militarización de la frontera.",
            "pt": "Uma rede nacional de organizações pelos direitos de imigrantes e refugiados nos Estados Unidos, "
            "que atua contra a militarização da fronteira.",
            "fr": "Un réseau national d'organisations de défense des droits des immigrés et des réfugiés aux "
            "États-Unis, qui lutte contre la militarisation de la frontière.",
        },
    ),
    (
        "picum",
        {"en": "Platform for International Cooperation on Undocumented Migrants"},
        "PICUM",
        "europe",
        "migrant-rights",
        "member",
        "Belgium",
        "https://picum.org",
        {
            "en": "A European network for the rights of undocumented migrants, including their access to health care.",
            "es": "Una red europea por los derechos de las personas migrantes indocumentadas, incluido su acceso a "
            "la salud.",
            "pt": "Uma rede europeia pelos direitos das pessoas migrantes sem documentos, incluindo o acesso à saúde.",
            "fr": "Un réseau européen pour les droits des migrants sans papiers, dont l'accès aux soins de santé.",
        },
    ),
    (
        "refugee-womens-commission",
        {"en": "Refugee Women's Commission"},
        "",
        "north-america",
        "womens-rights",
        "partner",
        "United States",
        "",
        {
            "en": "Advocates for the rights and protection of women and girls displaced by conflict and crisis.",
            "es": "Defiende los derechos y la protección de las mujeres y niñas desplazadas por conflictos y crisis.",
            "pt": "Defende os direitos e a proteção de mulheres e meninas deslocadas por conflitos e crises.",
            "fr": "Défend les droits et la protection des femmes et des filles déplacées par les conflits et les "
            "crises.",
        },
    ),
    (
        "solidarity-center",
        {"en": "Solidarity Center"},
        "",
        "global",
        "labour",
        "member",
        "United States",
        "https://www.solidaritycenter.org",
        {
            "en": "A worker rights organization supporting unions worldwide, including the organizing of migrant "
            "workers.",
            "es": "Una organización por los derechos laborales que apoya a sindicatos de todo el mundo, incluida la "
            "organización de trabajadoras y trabajadores migrantes.",
            "pt": "Uma organização de direitos trabalhistas que apoia sindicatos em todo o mundo, incluindo a "
            "organização de trabalhadoras e trabalhadores migrantes.",
            "fr": "Une organisation de défense des droits des travailleurs qui soutient les syndicats du monde "
            "entier, dont l'organisation des travailleuses et travailleurs migrants.",
        },
    ),
    (
        "united-methodist-women",
        {"en": "United Methodist Women"},
        "",
        "north-america",
        "faith",
        "member",
        "United States",
        "",
        {
            "en": "A faith-based women's organization; its representative served as the women's rapporteur at the "
            "GFMD Civil Society Days in 2015.",
            "es": "Una organización de mujeres basada en la fe; su representante fue relatora sobre mujeres en las "
            "Jornadas de la Sociedad Civil del FMMD en 2015.",
            "pt": "Uma organização de mulheres baseada na fé; a sua representante foi relatora sobre mulheres nos "
            "Dias da Sociedade Civil do FGMD em 2015.",
            "fr": "Une organisation confessionnelle de femmes ; sa représentante a été rapporteuse sur les femmes "
            "aux Journées de la société civile du FMMD en 2015.",
        },
    ),
    (
        "ohchr",
        {
            "en": "Office of the United Nations High Commissioner for Human Rights",
            "es": "Oficina del Alto Comisionado de las Naciones Unidas para los Derechos Humanos",
            "pt": "Escritório do Alto Comissariado das Nações Unidas para os Direitos Humanos",
            "fr": "Haut-Commissariat des Nations Unies aux droits de l'homme",
        },
        "OHCHR",
        "global",
        "un-body",
        "other",
        "Switzerland",
        "https://www.ohchr.org",
        {
            "en": "The UN's human rights office; it co-sponsored the network's side event on the reintegration of "
            "migrant and trafficked women at the IMRF.",
            "es": "La oficina de derechos humanos de la ONU; copatrocinó el evento paralelo de la red sobre la "
            "reintegración de mujeres migrantes y víctimas de trata en el FEMI.",
            "pt": "O escritório de direitos humanos da ONU; copatrocinou o evento paralelo da rede sobre a "
            "reintegração de mulheres migrantes e traficadas no FRMI.",
            "fr": "Le bureau des droits de l'homme de l'ONU ; il a coparrainé l'événement parallèle du réseau sur "
            "la réintégration des femmes migrantes et victimes de la traite au FEMI.",
        },
    ),
    (
        "government-of-bangladesh",
        {
            "en": "Government of Bangladesh",
            "es": "Gobierno de Bangladés",
            "pt": "Governo de Bangladesh",
            "fr": "Gouvernement du Bangladesh",
        },
        "",
        "asia-pacific",
        "government",
        "other",
        "Bangladesh",
        "",
        {
            "en": "Co-sponsored the side event on the sustainable reintegration of migrant and trafficked women at "
            "the IMRF in 2022.",
            "es": "Copatrocinó el evento paralelo sobre la reintegración sostenible de mujeres migrantes y víctimas "
            "de trata en el FEMI de 2022.",
            "pt": "Copatrocinou o evento paralelo sobre a reintegração sustentável de mulheres migrantes e "
            "traficadas no FRMI de 2022.",
            "fr": "A coparrainé l'événement parallèle sur la réintégration durable des femmes migrantes et "
            "victimes de la traite au FEMI de 2022.",
        },
    ),
    (
        "bnsk",
        {"en": "Bangladesh Nari Sramik Kendra"},
        "BNSK",
        "asia-pacific",
        "labour",
        "partner",
        "Bangladesh",
        "",
        {
            "en": "A centre for women workers in Bangladesh, supporting women migrant workers before departure and "
            "on return.",
            "es": "Un centro de trabajadoras de Bangladés que apoya a las trabajadoras migrantes antes de partir y "
            "a su regreso.",
            "pt": "Um centro de trabalhadoras de Bangladesh que apoia as trabalhadoras migrantes antes da partida e "
            "no regresso.",
            "fr": "Un centre de travailleuses au Bangladesh qui accompagne les travailleuses migrantes avant le "
            "départ et au retour.",
        },
    ),
    (
        "espacio-de-mujer",
        {"en": "Espacio de Mujer"},
        "",
        "latin-america",
        "womens-rights",
        "partner",
        "Colombia",
        "",
        {
            "en": "A Colombian organization accompanying women who have survived trafficking and sexual exploitation.",
            "es": "Una organización colombiana que acompaña a mujeres sobrevivientes de trata y explotación sexual.",
            "pt": "Uma organização colombiana que acompanha mulheres sobreviventes de tráfico e exploração sexual.",
            "fr": "Une organisation colombienne qui accompagne les femmes survivantes de la traite et de "
            "l'exploitation sexuelle.",
        },
    ),
    (
        "fair-work",
        {"en": "FairWork"},
        "",
        "europe",
        "human-rights",
        "partner",
        "Netherlands",
        "",
        {
            "en": "A Dutch organization working against labour exploitation and trafficking of migrant workers.",
            "es": "Una organización neerlandesa que lucha contra la explotación laboral y la trata de personas "
            "trabajadoras migrantes.",
            "pt": "Uma organização neerlandesa que combate a exploração laboral e o tráfico de trabalhadores "
            "migrantes.",
            "fr": "Une organisation néerlandaise qui lutte contre l'exploitation au travail et la traite des "
            "travailleurs migrants.",
        },
    ),
    (
        "okup",
        {"en": "Ovibashi Karmi Unnayan Program"},
        "OKUP",
        "asia-pacific",
        "migrant-rights",
        "partner",
        "Bangladesh",
        "",
        {
            "en": "A migrant workers' organization in Bangladesh, founded and led by returnee migrants.",
            "es": "Una organización de trabajadores migrantes de Bangladés, fundada y dirigida por migrantes "
            "retornados.",
            "pt": "Uma organização de trabalhadores migrantes de Bangladesh, fundada e dirigida por migrantes "
            "retornados.",
            "fr": "Une organisation de travailleurs migrants du Bangladesh, fondée et dirigée par des migrants de "
            "retour.",
        },
    ),
    (
        "government-of-canada",
        {
            "en": "Government of Canada",
            "es": "Gobierno de Canadá",
            "pt": "Governo do Canadá",
            "fr": "Gouvernement du Canada",
        },
        "",
        "north-america",
        "government",
        "other",
        "Canada",
        "",
        {
            "en": "Supports the Gender + Migration Hub and co-sponsored the IMRF side event on gender-responsive "
            "migration governance.",
            "es": "Apoya el Gender + Migration Hub y copatrocinó el evento paralelo del FEMI sobre una gobernanza "
            "migratoria con perspectiva de género.",
            "pt": "Apoia o Gender + Migration Hub e copatrocinou o evento paralelo do FRMI sobre uma governança "
            "migratória sensível ao gênero.",
            "fr": "Soutient le Gender + Migration Hub et a coparrainé l'événement parallèle du FEMI sur une "
            "gouvernance des migrations sensible au genre.",
        },
    ),
    (
        "imrc-gender-migration-hub",
        {"en": "International Migration Research Centre – Gender + Migration Hub"},
        "IMRC",
        "north-america",
        "research",
        "partner",
        "Canada",
        "",
        {
            "en": "A research centre whose Gender + Migration Hub shares gender-responsive practices and pledges in "
            "English, French and Spanish.",
            "es": "Un centro de investigación cuyo Gender + Migration Hub comparte prácticas y compromisos con "
            "perspectiva de género en inglés, francés y español.",
            "pt": "Um centro de pesquisa cujo Gender + Migration Hub partilha práticas e compromissos sensíveis ao "
            "gênero em inglês, francês e espanhol.",
            "fr": "Un centre de recherche dont le Gender + Migration Hub partage des pratiques et des engagements "
            "sensibles au genre en anglais, français et espagnol.",
        },
    ),
    (
        "iom-research",
        {
            "en": "IOM Research",
            "es": "Investigación de la OIM",
            "pt": "Pesquisa da OIM",
            "fr": "Recherche de l'OIM",
        },
        "IOM",
        "global",
        "un-body",
        "other",
        "",
        "",
        {
            "en": "The research division of the International Organization for Migration.",
            "es": "La división de investigación de la Organización Internacional para las Migraciones.",
            "pt": "A divisão de pesquisa da Organização Internacional para as Migrações.",
            "fr": "La division de la recherche de l'Organisation internationale pour les migrations.",
        },
    ),
    (
        "icmc",
        {
            "en": "International Catholic Migration Commission",
            "es": "Comisión Católica Internacional de Migración",
            "pt": "Comissão Católica Internacional de Migração",
            "fr": "Commission internationale catholique pour les migrations",
        },
        "ICMC",
        "global",
        "faith",
        "partner",
        "Switzerland",
        "https://www.icmc.net",
        {
            "en": "A Catholic organization serving refugees and migrants, and a fellow member of the Global "
            "Coalition on Migration.",
            "es": "Una organización católica al servicio de personas refugiadas y migrantes, también miembro de la "
            "Coalición Global sobre Migración.",
            "pt": "Uma organização católica ao serviço de refugiados e migrantes, também membro da Coalizão Global "
            "sobre Migração.",
            "fr": "Une organisation catholique au service des réfugiés et des migrants, elle aussi membre de la "
            "Coalition mondiale sur les migrations.",
        },
    ),
    (
        "fes",
        {"en": "Friedrich-Ebert-Stiftung"},
        "FES",
        "europe",
        "development",
        "partner",
        "Germany",
        "https://www.fes.de",
        {
            "en": "A German political foundation; it published the Spotlight Report on Global Migration with the "
            "Global Coalition on Migration.",
            "es": "Una fundación política alemana; publicó el Informe Spotlight sobre la Migración Global con la "
            "Coalición Global sobre Migración.",
            "pt": "Uma fundação política alemã; publicou o Relatório Spotlight sobre a Migração Global com a "
            "Coalizão Global sobre Migração.",
            "fr": "Une fondation politique allemande ; elle a publié le rapport Spotlight sur les migrations "
            "mondiales avec la Coalition mondiale sur les migrations.",
        },
    ),
    (
        "un-women",
        {"en": "UN Women", "es": "ONU Mujeres", "pt": "ONU Mulheres", "fr": "ONU Femmes"},
        "",
        "global",
        "un-body",
        "partner",
        "",
        "https://www.unwomen.org",
        {
            "en": "The UN entity for gender equality; the network contributed to its guide on gender-responsive "
            "implementation of the Global Compact for Migration.",
            "es": "La entidad de la ONU para la igualdad de género; la red contribuyó a su guía sobre la "
            "implementación del Pacto Mundial para la Migración con perspectiva de género.",
            "pt": "A entidade da ONU para a igualdade de gênero; a rede contribuiu para o seu guia sobre a "
            "implementação do Pacto Global para a Migração sensível ao gênero.",
            "fr": "L'entité des Nations unies pour l'égalité des sexes ; le réseau a contribué à son guide sur la "
            "mise en œuvre du Pacte mondial sur les migrations sensible au genre.",
        },
    ),
    (
        "post-2015-womens-coalition",
        {
            "en": "Post-2015 Women's Coalition",
            "es": "Coalición de Mujeres Post-2015",
            "pt": "Coalizão de Mulheres Pós-2015",
            "fr": "Coalition des femmes pour l'après-2015",
        },
        "",
        "global",
        "womens-rights",
        "coalition",
        "",
        "",
        {
            "en": "A coalition of feminist organizations that worked on the development agenda after 2015.",
            "es": "Una coalición de organizaciones feministas que trabajó en la agenda de desarrollo posterior a 2015.",
            "pt": "Uma coalizão de organizações feministas que trabalhou na agenda de desenvolvimento pós-2015.",
            "fr": "Une coalition d'organisations féministes mobilisée sur le programme de développement de "
            "l'après-2015.",
        },
    ),
    (
        "peoples-global-action",
        {
            "en": "People's Global Action on Migration, Development and Human Rights",
            "es": "Acción Global de los Pueblos sobre Migración, Desarrollo y Derechos Humanos",
            "pt": "Ação Global dos Povos sobre Migração, Desenvolvimento e Direitos Humanos",
            "fr": "Action mondiale des peuples sur la migration, le développement et les droits humains",
        },
        "PGA",
        "global",
        "migrant-rights",
        "coalition",
        "",
        "",
        {
            "en": "The civil society space where the network took shape in Athens in 2009; the network sits on its "
            "international steering committee.",
            "es": "El espacio de la sociedad civil donde la red tomó forma en Atenas en 2009; la red integra su "
            "comité directivo internacional.",
            "pt": "O espaço da sociedade civil onde a rede tomou forma em Atenas em 2009; a rede integra o seu "
            "comitê diretivo internacional.",
            "fr": "L'espace de la société civile où le réseau a pris forme à Athènes en 2009 ; le réseau siège à "
            "son comité de pilotage international.",
        },
    ),
]

# Bodies the seeds name only for the network's place in them (the 2016 "about" page, the 2022 IMRF round-up).
ORGANIZATIONS += [
    (
        "gfmd-civil-society-days",
        {
            "en": "Civil Society Days of the Global Forum on Migration and Development (GFMD)",
            "es": "Jornadas de la Sociedad Civil del Foro Mundial sobre Migración y Desarrollo (FMMD)",
            "pt": "Dias da Sociedade Civil do Fórum Global sobre Migração e Desenvolvimento (FGMD)",
            "fr": "Journées de la société civile du Forum mondial sur la migration et le développement (FMMD)",
        },
        "",
        "global",
        "migrant-rights",
        "other",
        "",
        "",
        {},
    ),
    (
        "global-coalition-social-protection-floors",
        {
            "en": "Global Coalition for Social Protection Floors",
            "es": "Coalición Mundial para los Pisos de Protección Social",
            "pt": "Coalizão Global para os Pisos de Proteção Social",
            "fr": "Coalition mondiale pour les socles de protection sociale",
        },
        "",
        "global",
        "labour",
        "partner",
        "",
        "",
        {},
    ),
    (
        "feminists-for-a-peoples-vaccine",
        {"en": "Feminists for a People's Vaccine"},
        "",
        "global",
        "womens-rights",
        "coalition",
        "",
        "",
        {},
    ),
]

# The network's memberships, as the seeds state them: "The Working Group is a member of: the Global Coalition
# on Migration ...; the Post-2015 Women's Coalition; the International Steering Committee of the People's Global
# Action ...; and the International Steering Committee of the Civil Society Days/GFMD", "Global Coalition for
# Social Protection Floors (not formal members)", "As a member of the Feminists for a People's Vaccine" (2022).
# The seeds give no years, so none are set. organization slug, role, note in four languages.
MEMBERSHIPS = [
    (
        "global-coalition-on-migration",
        "member",
        {
            "en": "A contributor to its Spotlight Report on Global Migration (2022).",
            "es": "Contribuyó a su Informe Spotlight sobre la Migración Global (2022).",
            "pt": "Contribuiu para o seu Relatório Spotlight sobre a Migração Global (2022).",
            "fr": "A contribué à son rapport Spotlight sur les migrations mondiales (2022).",
        },
    ),
    ("post-2015-womens-coalition", "member", {}),
    ("peoples-global-action", "steering-committee", {}),
    ("gfmd-civil-society-days", "steering-committee", {}),
    ("global-coalition-social-protection-floors", "partner", {}),
    ("feminists-for-a-peoples-vaccine", "member", {}),
]


def load_memberships(organizations):
    for order, (slug, role, note) in enumerate(MEMBERSHIPS):
        CoalitionMembershipFactory(
            organization=organizations[slug],
            sort_order=order,
            role=role,
            note=note.get("en", ""),
            **translated("note", note),
        )


# Placeholder logos (initials), so the directory shows its responsive renditions in the demo.
DEMO_LOGOS = {"gaatw": ("GAATW", (91, 42, 134)), "picum": ("PICUM", (30, 90, 120)), "nnirr": ("NNIRR", (150, 40, 80))}


def load_organizations():
    organizations = {}
    for slug, names, acronym, region, sector, relation, country, website, description in ORGANIZATIONS:
        country_names = {"en": country, **COUNTRIES.get(country, {})} if country else {}
        fields = {**translated("name", names), **translated("description", description)}
        fields.update(translated("country", country_names))
        logo = None
        if slug in DEMO_LOGOS:
            text, colour = DEMO_LOGOS[slug]
            logo = logo_image(f"{text} logo (placeholder)", text, background=colour)
        organizations[slug] = OrganizationFactory(
            slug=slug,
            name=names["en"],
            acronym=acronym,
            region=region,
            sector=sector,
            relation=relation,
            country=country,
            website=website,
            description=description.get("en", ""),
            logo=logo,
            **fields,
        )
    return organizations


def page_fields(spec):
    fields = {}
    for name, values in spec.items():
        fields.update(translated(name, values))
    fields["title"] = spec["title"]["en"]
    return fields


CAMPAIGNS_INDEX = {
    "title": {"en": "Campaigns", "es": "Campañas", "pt": "Campanhas", "fr": "Campagnes"},
    "intro": {
        "en": "The network's campaigns around UN processes: what we demand, when it is decided, and everything we "
        "published along the way.",
        "es": "Las campañas de la red en torno a los procesos de la ONU: lo que exigimos, cuándo se decide y todo "
        "lo que publicamos en el camino.",
        "pt": "As campanhas da rede em torno dos processos da ONU: o que exigimos, quando se decide e tudo o que "
        "publicamos pelo caminho.",
        "fr": "Les campagnes du réseau autour des processus de l'ONU : ce que nous demandons, quand cela se décide, "
        "et tout ce que nous avons publié en chemin.",
    },
}

ROAD_TO_IMRF = {
    "title": {
        "en": "On the road to the IMRF",
        "es": "Rumbo al Foro de Examen de la Migración Internacional",
        "pt": "A caminho do Fórum de Revisão da Migração Internacional",
        "fr": "En route vers le Forum d'examen des migrations internationales",
    },
    "intro": {
        "en": "In May 2022 the UN held the first International Migration Review Forum, four years after States "
        "adopted the Global Compact for Migration in Marrakech. With its members and allies, the network worked "
        "for a Progress Declaration that puts the rights of women in migration at its centre.",
        "es": "En mayo de 2022 la ONU celebró el primer Foro de Examen de la Migración Internacional, cuatro años "
        "después de que los Estados adoptaran el Pacto Mundial para la Migración en Marrakech. Con sus miembros y "
        "aliadas, la red trabajó por una Declaración de Progreso que ponga en el centro los derechos de las "
        "mujeres en la migración.",
        "pt": "Em maio de 2022 a ONU realizou o primeiro Fórum de Revisão da Migração Internacional, quatro anos "
        "depois de os Estados adotarem o Pacto Global para a Migração em Marraquexe. Com os seus membros e "
        "aliados, a rede trabalhou por uma Declaração de Progresso que coloque no centro os direitos das mulheres "
        "na migração.",
        "fr": "En mai 2022, l'ONU a tenu le premier Forum d'examen des migrations internationales, quatre ans après "
        "l'adoption du Pacte mondial sur les migrations à Marrakech. Avec ses membres et alliés, le réseau a œuvré "
        "pour une Déclaration sur les progrès qui place les droits des femmes en migration en son centre.",
    },
    "demands_heading": {
        "en": "Our four priority concerns",
        "es": "Nuestras cuatro preocupaciones prioritarias",
        "pt": "As nossas quatro preocupações prioritárias",
        "fr": "Nos quatre préoccupations prioritaires",
    },
    "body": {
        "en": rich(
            "The network commented on the last revisions of the draft Progress Declaration and proposed language "
            "for each paragraph concerned. Several members took part in the forum's programme, in side events and "
            "in the Women's Caucus on 18 May."
        ),
        "es": rich(
            "La red comentó las últimas revisiones del borrador de la Declaración de Progreso y propuso redacción "
            "para cada párrafo afectado. Varias integrantes participaron en el programa del foro, en eventos "
            "paralelos y en el Caucus de Mujeres del 18 de mayo."
        ),
        "pt": rich(
            "A rede comentou as últimas revisões do rascunho da Declaração de Progresso e propôs redação para cada "
            "parágrafo em causa. Vários membros participaram do programa do fórum, de eventos paralelos e do "
            "Caucus de Mulheres de 18 de maio."
        ),
        "fr": rich(
            "Le réseau a commenté les dernières révisions du projet de Déclaration sur les progrès et proposé une "
            "rédaction pour chaque paragraphe concerné. Plusieurs membres ont pris part au programme du forum, aux "
            "événements parallèles et au Caucus des femmes du 18 mai."
        ),
    },
}

IMRF_DEMANDS = [
    {
        "title": {
            "en": "A paragraph of its own on the realities of migrant women",
            "es": "Un párrafo propio sobre las realidades de las mujeres migrantes",
            "pt": "Um parágrafo próprio sobre as realidades das mulheres migrantes",
            "fr": "Un paragraphe à part entière sur les réalités des femmes migrantes",
        },
        "detail": {
            "en": "The draft has paragraphs on race and on children, but none on migrant women, many of whom are "
            "not paid workers.",
            "es": "El borrador tiene párrafos sobre raza y sobre la niñez, pero ninguno sobre las mujeres "
            "migrantes, muchas de las cuales no son trabajadoras remuneradas.",
            "pt": "O rascunho tem parágrafos sobre raça e sobre crianças, mas nenhum sobre as mulheres migrantes, "
            "muitas das quais não são trabalhadoras remuneradas.",
            "fr": "Le projet comporte des paragraphes sur la race et sur les enfants, mais aucun sur les femmes "
            "migrantes, dont beaucoup ne sont pas des travailleuses rémunérées.",
        },
    },
    {
        "title": {
            "en": "Women named apart from children",
            "es": "Las mujeres nombradas por separado de la niñez",
            "pt": "As mulheres nomeadas separadamente das crianças",
            "fr": "Les femmes nommées séparément des enfants",
        },
        "detail": {
            "en": "Putting 'women and children' together stresses vulnerability and hides women's independence, "
            "agency and leadership; each needs its own provisions.",
            "es": "Juntar «mujeres y niños» subraya la vulnerabilidad y oculta la independencia, la capacidad de "
            "acción y el liderazgo de las mujeres; cada grupo necesita disposiciones propias.",
            "pt": "Juntar «mulheres e crianças» sublinha a vulnerabilidade e esconde a independência, a agência e "
            "a liderança das mulheres; cada grupo precisa de disposições próprias.",
            "fr": "Associer « les femmes et les enfants » met l'accent sur la vulnérabilité et occulte "
            "l'autonomie, la capacité d'agir et le leadership des femmes ; chaque groupe appelle ses propres "
            "dispositions.",
        },
    },
    {
        "title": {
            "en": "Freedom of association and collective bargaining for migrant workers",
            "es": "Libertad de asociación y negociación colectiva para las personas trabajadoras migrantes",
            "pt": "Liberdade de associação e negociação coletiva para as pessoas trabalhadoras migrantes",
            "fr": "Liberté d'association et négociation collective pour les travailleuses et travailleurs migrants",
        },
        "detail": {
            "en": "A clear reference to these rights, and a commitment to put ILO Conventions 189 and 190 into "
            "practice.",
            "es": "Una referencia clara a estos derechos y el compromiso de aplicar en la práctica los Convenios "
            "189 y 190 de la OIT.",
            "pt": "Uma referência clara a estes direitos e o compromisso de aplicar na prática as Convenções 189 e "
            "190 da OIT.",
            "fr": "Une référence claire à ces droits et l'engagement de mettre en pratique les conventions 189 et "
            "190 de l'OIT.",
        },
    },
    {
        "title": {
            "en": "Real participation of migrants in policy-making",
            "es": "Participación real de las personas migrantes en la elaboración de políticas",
            "pt": "Participação real das pessoas migrantes na elaboração de políticas",
            "fr": "Une participation réelle des migrants à l'élaboration des politiques",
        },
        "detail": {
            "en": "Including migrant women's organizations: the draft speaks of migrants' 'contributions' without "
            "recognizing their actual participation.",
            "es": "Incluidas las organizaciones de mujeres migrantes: el borrador habla de las «contribuciones» de "
            "las personas migrantes sin reconocer su participación real.",
            "pt": "Incluindo as organizações de mulheres migrantes: o rascunho fala das «contribuições» das pessoas "
            "migrantes sem reconhecer a sua participação real.",
            "fr": "Y compris les organisations de femmes migrantes : le projet parle des « contributions » des "
            "migrants sans reconnaître leur participation effective.",
        },
    },
]

IMRF_MILESTONES = [
    (
        datetime.date(2018, 12, 1),
        None,
        "month",
        {
            "en": "Global Compact for Migration adopted in Marrakech",
            "es": "Adopción del Pacto Mundial para la Migración en Marrakech",
            "pt": "Adoção do Pacto Global para a Migração em Marraquexe",
            "fr": "Adoption du Pacte mondial sur les migrations à Marrakech",
        },
    ),
    (
        datetime.date(2021, 10, 19),
        None,
        "day",
        {
            "en": "The UN Network on Migration launches its road map to the IMRF",
            "es": "La Red de las Naciones Unidas sobre la Migración presenta su hoja de ruta hacia el FEMI",
            "pt": "A Rede das Nações Unidas sobre Migração lança o seu roteiro para o FRMI",
            "fr": "Le Réseau des Nations unies sur les migrations lance sa feuille de route vers le FEMI",
        },
    ),
    (
        datetime.date(2022, 3, 17),
        None,
        "day",
        {
            "en": "Zero draft of the Progress Declaration published",
            "es": "Publicación del borrador cero de la Declaración de Progreso",
            "pt": "Publicação do rascunho zero da Declaração de Progresso",
            "fr": "Publication de l'avant-projet de la Déclaration sur les progrès",
        },
    ),
    (
        datetime.date(2022, 4, 28),
        None,
        "day",
        {
            "en": "Spotlight Report on Global Migration released",
            "es": "Presentación del Informe Spotlight sobre la Migración Global",
            "pt": "Lançamento do Relatório Spotlight sobre a Migração Global",
            "fr": "Publication du rapport Spotlight sur les migrations mondiales",
        },
    ),
    (
        datetime.date(2022, 5, 2),
        None,
        "week",
        {
            "en": "Revision 4 of the draft expected",
            "es": "Se espera la revisión 4 del borrador",
            "pt": "Revisão 4 do rascunho prevista",
            "fr": "Révision 4 du projet attendue",
        },
    ),
    (
        datetime.date(2022, 5, 17),
        datetime.date(2022, 5, 20),
        "day",
        {
            "en": "International Migration Review Forum, New York",
            "es": "Foro de Examen de la Migración Internacional, Nueva York",
            "pt": "Fórum de Revisão da Migração Internacional, Nova York",
            "fr": "Forum d'examen des migrations internationales, New York",
        },
    ),
]

GCM_2018 = {
    "title": {
        "en": "Women's rights in the Global Compact for Migration",
        "es": "Los derechos de las mujeres en el Pacto Mundial para la Migración",
        "pt": "Os direitos das mulheres no Pacto Global para a Migração",
        "fr": "Les droits des femmes dans le Pacte mondial sur les migrations",
    },
    "intro": {
        "en": "During the negotiations of the Global Compact for Migration the network pressed for a "
        "gender-responsive compact, and launched the Marrakech Women's Rights Manifesto when States adopted it.",
        "es": "Durante las negociaciones del Pacto Mundial para la Migración la red impulsó un pacto con "
        "perspectiva de género, y presentó el Manifiesto de Marrakech por los Derechos de las Mujeres cuando los "
        "Estados lo adoptaron.",
        "pt": "Durante as negociações do Pacto Global para a Migração a rede defendeu um pacto sensível ao gênero, "
        "e lançou o Manifesto de Marraquexe pelos Direitos das Mulheres quando os Estados o adotaram.",
        "fr": "Pendant les négociations du Pacte mondial sur les migrations, le réseau a plaidé pour un pacte "
        "sensible au genre, et a lancé le Manifeste de Marrakech pour les droits des femmes lors de son adoption.",
    },
}

DIRECTORY = {
    "title": {
        "en": "Members and partners",
        "es": "Miembros y aliadas",
        "pt": "Membros e parceiros",
        "fr": "Membres et partenaires",
    },
    "intro": {
        "en": "National, regional and global organizations from women's, migrant, human rights, labour, "
        "development and faith communities, and the coalitions the network belongs to.",
        "es": "Organizaciones nacionales, regionales y globales de mujeres, de personas migrantes, de derechos "
        "humanos, sindicales, de desarrollo y religiosas, y las coaliciones de las que la red forma parte.",
        "pt": "Organizações nacionais, regionais e globais de mulheres, de migrantes, de direitos humanos, "
        "sindicais, de desenvolvimento e de fé, e as coalizões de que a rede faz parte.",
        "fr": "Des organisations nationales, régionales et mondiales de femmes, de migrants, de défense des droits "
        "humains, syndicales, de développement et confessionnelles, et les coalitions dont le réseau est membre.",
    },
}

CALENDAR = {
    "title": {
        "en": "Advocacy calendar",
        "es": "Calendario de incidencia",
        "pt": "Calendário de incidência",
        "fr": "Calendrier de plaidoyer",
    },
    "intro": {
        "en": "The days, seasons and UN venues where the network speaks up for the rights of women in migration, "
        "in the order they come round.",
        "es": "Los días, las temporadas y los espacios de la ONU en los que la red alza la voz por los derechos de "
        "las mujeres en la migración, en el orden en que llegan.",
        "pt": "Os dias, as temporadas e os espaços da ONU em que a rede levanta a voz pelos direitos das mulheres "
        "na migração, pela ordem em que chegam.",
        "fr": "Les journées, les temps forts et les rendez-vous de l'ONU où le réseau fait entendre les droits des "
        "femmes en migration, dans l'ordre où ils reviennent.",
    },
}

NEW_YORK = {"en": "New York", "es": "Nueva York", "pt": "Nova York", "fr": "New York"}

ADVOCACY_DAYS = [
    {
        "slug": "international-womens-day",
        "rule": AdvocacyDay.YEARLY_DATE,
        "month": 3,
        "day": 8,
        "link": "https://www.un.org/en/observances/womens-day",
        "name": {
            "en": "International Women's Day",
            "es": "Día Internacional de la Mujer",
            "pt": "Dia Internacional da Mulher",
            "fr": "Journée internationale des droits des femmes",
        },
        "description": {
            "en": "The network salutes the organizing of women around the world and calls for full and equal "
            "rights for women in migration.",
            "es": "La red celebra la organización de las mujeres en todo el mundo y exige derechos plenos e "
            "iguales para las mujeres en la migración.",
            "pt": "A rede celebra a organização das mulheres em todo o mundo e exige direitos plenos e iguais "
            "para as mulheres na migração.",
            "fr": "Le réseau salue l'organisation des femmes partout dans le monde et demande des droits pleins et "
            "égaux pour les femmes en migration.",
        },
    },
    {
        "slug": "csw",
        "rule": AdvocacyDay.YEARLY_MONTH,
        "month": 3,
        "venue": NEW_YORK,
        "link": "https://www.unwomen.org/en/csw",
        "name": {
            "en": "UN Commission on the Status of Women (CSW)",
            "es": "Comisión de la Condición Jurídica y Social de la Mujer de la ONU (CSW)",
            "pt": "Comissão sobre a Situação da Mulher da ONU (CSW)",
            "fr": "Commission de la condition de la femme de l'ONU (CSW)",
        },
        "description": {
            "en": "Every March in New York; the network takes part each year and hosts side events with its partners.",
            "es": "Cada marzo en Nueva York; la red participa cada año y organiza eventos paralelos con sus aliadas.",
            "pt": "Todo mês de março em Nova York; a rede participa todos os anos e organiza eventos paralelos com "
            "os seus parceiros.",
            "fr": "Chaque mois de mars à New York ; le réseau y participe tous les ans et organise des événements "
            "parallèles avec ses partenaires.",
        },
    },
    {
        "slug": "international-domestic-workers-day",
        "rule": AdvocacyDay.YEARLY_DATE,
        "month": 6,
        "day": 16,
        "name": {
            "en": "International Domestic Workers' Day",
            "es": "Día Internacional de las Trabajadoras del Hogar",
            "pt": "Dia Internacional das Trabalhadoras Domésticas",
            "fr": "Journée internationale des travailleuses et travailleurs domestiques",
        },
        "description": {
            "en": "The anniversary of ILO Convention 189 on domestic workers, whose ratification the network "
            "campaigns for.",
            "es": "El aniversario del Convenio 189 de la OIT sobre las trabajadoras del hogar, cuya ratificación "
            "impulsa la red.",
            "pt": "O aniversário da Convenção 189 da OIT sobre o trabalho doméstico, cuja ratificação a rede defende.",
            "fr": "L'anniversaire de la convention 189 de l'OIT sur les travailleurs domestiques, dont le réseau "
            "demande la ratification.",
        },
    },
    {
        "slug": "world-refugee-day",
        "rule": AdvocacyDay.YEARLY_DATE,
        "month": 6,
        "day": 20,
        "link": "https://www.un.org/en/observances/refugee-day",
        "name": {
            "en": "World Refugee Day",
            "es": "Día Mundial de los Refugiados",
            "pt": "Dia Mundial do Refugiado",
            "fr": "Journée mondiale des réfugiés",
        },
        "description": {
            "en": "All people on the move have rights, whatever the category a migration system puts them in.",
            "es": "Todas las personas en movimiento tienen derechos, sea cual sea la categoría en la que las "
            "coloque un sistema migratorio.",
            "pt": "Todas as pessoas em movimento têm direitos, seja qual for a categoria em que um sistema "
            "migratório as coloque.",
            "fr": "Toutes les personnes en mouvement ont des droits, quelle que soit la catégorie où un système "
            "migratoire les range.",
        },
    },
    {
        "slug": "world-day-against-trafficking",
        "rule": AdvocacyDay.YEARLY_DATE,
        "month": 7,
        "day": 30,
        "link": "https://www.un.org/en/observances/end-human-trafficking-day",
        "name": {
            "en": "World Day against Trafficking in Persons",
            "es": "Día Mundial contra la Trata de Personas",
            "pt": "Dia Mundial contra o Tráfico de Pessoas",
            "fr": "Journée mondiale de la lutte contre la traite d'êtres humains",
        },
        "description": {},
    },
    {
        "slug": "awid-forum",
        "rule": AdvocacyDay.YEARLY_MONTH,
        "month": 9,
        "link": "https://www.awid.org",
        "name": {"en": "AWID Forum", "es": "Foro de AWID", "pt": "Fórum da AWID", "fr": "Forum de l'AWID"},
        "description": {
            "en": "The feminist forum where the network was born, at a pre-meeting in Istanbul in April 2012.",
            "es": "El foro feminista donde nació la red, en una reunión previa en Estambul en abril de 2012.",
            "pt": "O fórum feminista onde a rede nasceu, numa reunião prévia em Istambul em abril de 2012.",
            "fr": "Le forum féministe où le réseau est né, lors d'une réunion préparatoire à Istanbul en avril 2012.",
        },
    },
    {
        "slug": "16-days-of-activism",
        "rule": AdvocacyDay.YEARLY_RANGE,
        "month": 11,
        "day": 25,
        "end_month": 12,
        "end_day": 10,
        "link": "https://www.unwomen.org/en/what-we-do/ending-violence-against-women/take-action/16-days-of-activism",
        "name": {
            "en": "16 Days of Activism against Gender-Based Violence",
            "es": "16 días de activismo contra la violencia de género",
            "pt": "16 dias de ativismo contra a violência de gênero",
            "fr": "16 jours d'activisme contre la violence fondée sur le genre",
        },
        "description": {
            "en": "From the International Day for the Elimination of Violence against Women to Human Rights Day: "
            "violence against migrant women, whatever their status.",
            "es": "Del Día Internacional de la Eliminación de la Violencia contra la Mujer al Día de los Derechos "
            "Humanos: la violencia contra las mujeres migrantes, sea cual sea su estatus.",
            "pt": "Do Dia Internacional pela Eliminação da Violência contra a Mulher ao Dia dos Direitos Humanos: "
            "a violência contra as mulheres migrantes, seja qual for a sua situação.",
            "fr": "De la Journée internationale pour l'élimination de la violence à l'égard des femmes à la "
            "Journée des droits de l'homme : la violence contre les femmes migrantes, quel que soit leur statut.",
        },
    },
    {
        "slug": "international-migrants-day",
        "rule": AdvocacyDay.YEARLY_DATE,
        "month": 12,
        "day": 18,
        "link": "https://www.un.org/en/observances/migrants-day",
        "name": {
            "en": "International Migrants Day",
            "es": "Día Internacional del Migrante",
            "pt": "Dia Internacional dos Migrantes",
            "fr": "Journée internationale des migrants",
        },
        "description": {
            "en": "The anniversary of the UN convention on the rights of all migrant workers and members of their "
            "families.",
            "es": "El aniversario de la convención de la ONU sobre los derechos de todos los trabajadores "
            "migratorios y de sus familiares.",
            "pt": "O aniversário da convenção da ONU sobre os direitos de todos os trabalhadores migrantes e dos "
            "membros das suas famílias.",
            "fr": "L'anniversaire de la convention de l'ONU sur les droits de tous les travailleurs migrants et "
            "des membres de leur famille.",
        },
    },
    {
        "slug": "gfmd-2015",
        "rule": AdvocacyDay.ONCE,
        "date": datetime.date(2015, 10, 12),
        "end_date": datetime.date(2015, 10, 16),
        "venue": {"en": "Istanbul", "es": "Estambul", "pt": "Istambul", "fr": "Istanbul"},
        "name": {
            "en": "Global Forum on Migration and Development (GFMD)",
            "es": "Foro Mundial sobre Migración y Desarrollo (FMMD)",
            "pt": "Fórum Global sobre Migração e Desenvolvimento (FGMD)",
            "fr": "Forum mondial sur la migration et le développement (FMMD)",
        },
        "description": {
            "en": "The network led the Women's Caucus, and a member served as women's rapporteur of the Civil "
            "Society Days.",
            "es": "La red dirigió el Caucus de Mujeres y una integrante fue relatora sobre mujeres de las Jornadas "
            "de la Sociedad Civil.",
            "pt": "A rede conduziu o Caucus de Mulheres e um membro foi relatora sobre mulheres dos Dias da "
            "Sociedade Civil.",
            "fr": "Le réseau a animé le Caucus des femmes et une membre a été rapporteuse sur les femmes des "
            "Journées de la société civile.",
        },
    },
    {
        "slug": "un-summit-refugees-migrants-2016",
        "rule": AdvocacyDay.ONCE,
        "date": datetime.date(2016, 9, 19),
        "venue": NEW_YORK,
        "name": {
            "en": "UN Summit for Refugees and Migrants",
            "es": "Cumbre de la ONU para los Refugiados y los Migrantes",
            "pt": "Cúpula da ONU para Refugiados e Migrantes",
            "fr": "Sommet des Nations unies pour les réfugiés et les migrants",
        },
        "description": {},
    },
    {
        "slug": "imrf-2022",
        "rule": AdvocacyDay.ONCE,
        "date": datetime.date(2022, 5, 17),
        "end_date": datetime.date(2022, 5, 20),
        "venue": NEW_YORK,
        "name": {
            "en": "International Migration Review Forum",
            "es": "Foro de Examen de la Migración Internacional",
            "pt": "Fórum de Revisão da Migração Internacional",
            "fr": "Forum d'examen des migrations internationales",
        },
        "description": {
            "en": "The first review of the Global Compact for Migration, at the UN General Assembly.",
            "es": "El primer examen del Pacto Mundial para la Migración, en la Asamblea General de la ONU.",
            "pt": "A primeira revisão do Pacto Global para a Migração, na Assembleia Geral da ONU.",
            "fr": "Le premier examen du Pacte mondial sur les migrations, à l'Assemblée générale des Nations unies.",
        },
    },
]


# Venues and campaigns the seed (the 2016 "about" page) lists among "the following special days, campaigns and
# venues" with no date: they have no fixed dates, so they are listed as ongoing, never in the calendar's dates.
NO_FIXED_DATE = {"rule": AdvocacyDay.NO_FIXED_DATE, "month": None, "day": None, "description": {}}
ADVOCACY_DAYS += [
    {
        **NO_FIXED_DATE,
        "slug": "un-committee-on-migrant-workers",
        "name": {
            "en": "UN Committee on Migrant Workers and OHCHR",
            "es": "Comité de Trabajadores Migratorios de la ONU y ACNUDH",
            "pt": "Comitê de Trabalhadores Migrantes da ONU e ACNUDH",
            "fr": "Comité des travailleurs migrants de l'ONU et HCDH",
        },
    },
    {
        **NO_FIXED_DATE,
        "slug": "world-social-forum-on-migration",
        "name": {
            "en": "World Social Forum on Migration",
            "es": "Foro Social Mundial de las Migraciones",
            "pt": "Fórum Social Mundial das Migrações",
            "fr": "Forum social mondial des migrations",
        },
    },
    {
        **NO_FIXED_DATE,
        "slug": "gfmd",
        "name": {
            "en": "Global Forum on Migration and Development (GFMD)",
            "es": "Foro Mundial sobre Migración y Desarrollo (FMMD)",
            "pt": "Fórum Global sobre Migração e Desenvolvimento (FGMD)",
            "fr": "Forum mondial sur la migration et le développement (FMMD)",
        },
    },
    {
        **NO_FIXED_DATE,
        "slug": "12x12x12-domestic-workers-convention",
        "name": {
            "en": "12x12x12 Campaign for ratification of ILO Domestic Workers' Convention",
            "es": "Campaña 12x12x12 por la ratificación del Convenio de la OIT sobre las trabajadoras y los "
            "trabajadores domésticos",
            "pt": "Campanha 12x12x12 pela ratificação da Convenção da OIT sobre as Trabalhadoras e os Trabalhadores "
            "Domésticos",
            "fr": "Campagne 12x12x12 pour la ratification de la convention de l'OIT sur les travailleuses et "
            "travailleurs domestiques",
        },
    },
    {
        **NO_FIXED_DATE,
        "slug": "human-rights-at-international-borders",
        "name": {
            "en": "Human Rights at International Borders, OHCHR",
            "es": "Derechos humanos en las fronteras internacionales, ACNUDH",
            "pt": "Direitos humanos nas fronteiras internacionais, ACNUDH",
            "fr": "Droits de l'homme aux frontières internationales, HCDH",
        },
    },
]


def load_advocacy_days():
    for spec in ADVOCACY_DAYS:
        spec = dict(spec)
        names, description, venue = spec.pop("name"), spec.pop("description"), spec.pop("venue", {})
        AdvocacyDayFactory(
            name=names["en"],
            description=description.get("en", ""),
            venue=venue.get("en", ""),
            **translated("name", names),
            **translated("description", description),
            **translated("venue", venue),
            **spec,
        )


def load(home):
    """Campaigns, the organizations directory and the advocacy calendar under `home`."""
    load_memberships(load_organizations())

    index = CampaignIndexPageFactory(parent=home, slug="campaigns", show_in_menus=True, **page_fields(CAMPAIGNS_INDEX))
    imrf = CampaignPageFactory(parent=index, slug="road-to-imrf", is_current=True, **page_fields(ROAD_TO_IMRF))
    for order, demand in enumerate(IMRF_DEMANDS):
        CampaignDemandFactory(
            page=imrf,
            sort_order=order,
            title=demand["title"]["en"],
            **translated("title", demand["title"]),
            **translated("detail", demand["detail"]),
        )
    for order, (start, end, precision, label) in enumerate(IMRF_MILESTONES):
        CampaignMilestoneFactory(
            page=imrf,
            sort_order=order,
            date=start,
            end_date=end,
            precision=precision,
            label=label["en"],
            **translated("label", label),
        )
    gcm = CampaignPageFactory(parent=index, slug="global-compact-2018", is_current=False, **page_fields(GCM_2018))
    CampaignMilestoneFactory(
        page=gcm,
        date=datetime.date(2018, 12, 1),
        precision="month",
        label=IMRF_MILESTONES[0][3]["en"],
        **translated("label", IMRF_MILESTONES[0][3]),
    )
    # Revisions, so editors find the demo pages with a history like any other.
    for page in CampaignPage.objects.filter(pk__in=[imrf.pk, gcm.pk]):
        page.save_revision().publish()

    OrganizationDirectoryPageFactory(parent=home, slug="members", show_in_menus=True, **page_fields(DIRECTORY))
    AdvocacyCalendarPageFactory(parent=home, slug="calendar", show_in_menus=True, **page_fields(CALENDAR))
    load_advocacy_days()
