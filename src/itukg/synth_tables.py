"""Fixed tables of :mod:`itukg.synth`: countries, study groups, topics and names.

Countries carry their real ISO 3166-1 codes and GeoNames identifiers (country and capital), so
that the synthetic graph links to GeoNames as the shipped one does. Study groups are the
ITU's, current and historical, with their real titles and Recommendation series. People's
names are drawn from pools by world region; every person of the graph is made up.
"""

from __future__ import annotations

from dataclasses import dataclass

# --- Countries ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Country:
    """A country: ISO 3166-1 codes, GeoNames ids, ITU region, capital and pool of names."""

    alpha2: str
    alpha3: str
    numeric: str
    name: str
    geonames: int
    region: str
    """ITU regional-group region: AFR, ARB, LATAM, EECAT, ASP, or EUR/NAM (no regional group)."""
    capital: str
    capital_geonames: int
    names: str
    """The pool of people's names (:data:`GIVEN_NAMES`, :data:`FAMILY_NAMES`)."""


# alpha2|alpha3|numeric|name|geonames|region|capital|capital geonames|names
_COUNTRIES = """
CH|CHE|756|Switzerland|2658434|EUR|Bern|2661552|EUR
US|USA|840|United States|6252001|NAM|Washington|4140963|EUR
CN|CHN|156|China|1814991|ASP|Beijing|1816670|EAS
KR|KOR|410|Republic of Korea|1835841|ASP|Seoul|1835848|EAS
JP|JPN|392|Japan|1861060|ASP|Tokyo|1850147|EAS
DE|DEU|276|Germany|2921044|EUR|Berlin|2950159|EUR
FR|FRA|250|France|3017382|EUR|Paris|2988507|EUR
IN|IND|356|India|1269750|ASP|New Delhi|1261481|SAS
RU|RUS|643|Russian Federation|2017370|EECAT|Moscow|524901|SLAV
EG|EGY|818|Egypt|357994|ARB|Cairo|360630|ARB
NG|NGA|566|Nigeria|2328926|AFR|Abuja|2352778|AFR
BR|BRA|076|Brazil|3469034|LATAM|Brasília|3469058|HISP
SA|SAU|682|Saudi Arabia|102358|ARB|Riyadh|108410|ARB
GB|GBR|826|United Kingdom|2635167|EUR|London|2643743|EUR
IT|ITA|380|Italy|3175395|EUR|Rome|3169070|EUR
KE|KEN|404|Kenya|192950|AFR|Nairobi|184745|AFR
AR|ARG|032|Argentina|3865483|LATAM|Buenos Aires|3435910|HISP
AE|ARE|784|United Arab Emirates|290557|ARB|Abu Dhabi|292968|ARB
BY|BLR|112|Belarus|630336|EECAT|Minsk|625144|SLAV
CA|CAN|124|Canada|6251999|NAM|Ottawa|6094817|EUR
ES|ESP|724|Spain|2510769|EUR|Madrid|3117735|HISP
ZA|ZAF|710|South Africa|953987|AFR|Pretoria|964137|AFR
MA|MAR|504|Morocco|2542007|ARB|Rabat|2538475|ARB
MX|MEX|484|Mexico|3996063|LATAM|Mexico City|3530597|HISP
UZ|UZB|860|Uzbekistan|1512440|EECAT|Tashkent|1512569|SLAV
ID|IDN|360|Indonesia|1643084|ASP|Jakarta|1642911|SAS
TN|TUN|788|Tunisia|2464461|ARB|Tunis|2464470|ARB
GH|GHA|288|Ghana|2300660|AFR|Accra|2306104|AFR
SE|SWE|752|Sweden|2661886|EUR|Stockholm|2673730|EUR
TR|TUR|792|Türkiye|298795|EUR|Ankara|323786|ARB
SN|SEN|686|Senegal|2245662|AFR|Dakar|2253354|AFR
UY|URY|858|Uruguay|3439705|LATAM|Montevideo|3441575|HISP
KZ|KAZ|398|Kazakhstan|1522867|EECAT|Astana|1526273|SLAV
SG|SGP|702|Singapore|1880251|ASP|Singapore|1880252|SAS
NL|NLD|528|Netherlands|2750405|EUR|Amsterdam|2759794|EUR
CI|CIV|384|Côte d'Ivoire|2287781|AFR|Yamoussoukro|2279755|AFR
DZ|DZA|012|Algeria|2589581|ARB|Algiers|2507480|ARB
CO|COL|170|Colombia|3686110|LATAM|Bogotá|3688689|HISP
FI|FIN|246|Finland|660013|EUR|Helsinki|658225|EUR
TZ|TZA|834|Tanzania|149590|AFR|Dodoma|160196|AFR
JO|JOR|400|Jordan|248816|ARB|Amman|250441|ARB
MY|MYS|458|Malaysia|1733045|ASP|Kuala Lumpur|1735161|SAS
PL|POL|616|Poland|798544|EUR|Warsaw|756135|SLAV
CL|CHL|152|Chile|3895114|LATAM|Santiago|3871336|HISP
AM|ARM|051|Armenia|174982|EECAT|Yerevan|616052|SLAV
RW|RWA|646|Rwanda|49518|AFR|Kigali|202061|AFR
KW|KWT|414|Kuwait|285570|ARB|Kuwait City|285787|ARB
TH|THA|764|Thailand|1605651|ASP|Bangkok|1609350|SAS
PT|PRT|620|Portugal|2264397|EUR|Lisbon|2267057|HISP
AZ|AZE|031|Azerbaijan|587116|EECAT|Baku|587084|SLAV
UG|UGA|800|Uganda|226074|AFR|Kampala|232422|AFR
QA|QAT|634|Qatar|289688|ARB|Doha|290030|ARB
VN|VNM|704|Viet Nam|1562822|ASP|Hanoi|1581130|EAS
PE|PER|604|Peru|3932488|LATAM|Lima|3936456|HISP
GE|GEO|268|Georgia|614540|EECAT|Tbilisi|611717|SLAV
BE|BEL|056|Belgium|2802361|EUR|Brussels|2800866|EUR
ET|ETH|231|Ethiopia|337996|AFR|Addis Ababa|344979|AFR
OM|OMN|512|Oman|286963|ARB|Muscat|287286|ARB
PK|PAK|586|Pakistan|1168579|ASP|Islamabad|1176615|SAS
EC|ECU|218|Ecuador|3658394|LATAM|Quito|3652462|HISP
KG|KGZ|417|Kyrgyzstan|1527747|EECAT|Bishkek|1528675|SLAV
NO|NOR|578|Norway|3144096|EUR|Oslo|3143244|EUR
CM|CMR|120|Cameroon|2233387|AFR|Yaoundé|2220957|AFR
BH|BHR|048|Bahrain|290291|ARB|Manama|290340|ARB
PH|PHL|608|Philippines|1694008|ASP|Manila|1701668|SAS
PY|PRY|600|Paraguay|3437598|LATAM|Asunción|3439389|HISP
MD|MDA|498|Moldova|617790|EECAT|Chisinau|618426|SLAV
AT|AUT|040|Austria|2782113|EUR|Vienna|2761369|EUR
ZW|ZWE|716|Zimbabwe|878675|AFR|Harare|890299|AFR
LB|LBN|422|Lebanon|272103|ARB|Beirut|276781|ARB
BD|BGD|050|Bangladesh|1210997|ASP|Dhaka|1185241|SAS
CR|CRI|188|Costa Rica|3624060|LATAM|San José|3621849|HISP
TJ|TJK|762|Tajikistan|1220409|EECAT|Dushanbe|1221874|SLAV
DK|DNK|208|Denmark|2623032|EUR|Copenhagen|2618425|EUR
ZM|ZMB|894|Zambia|895949|AFR|Lusaka|909137|AFR
IR|IRN|364|Iran|130758|ASP|Tehran|112931|ARB
LK|LKA|144|Sri Lanka|1227603|ASP|Colombo|1248991|SAS
BO|BOL|068|Bolivia|3923057|LATAM|Sucre|3903987|HISP
CZ|CZE|203|Czechia|3077311|EUR|Prague|3067696|SLAV
BW|BWA|072|Botswana|933860|AFR|Gaborone|933773|AFR
NP|NPL|524|Nepal|1282988|ASP|Kathmandu|1283240|SAS
VE|VEN|862|Venezuela|3625428|LATAM|Caracas|3646738|HISP
HU|HUN|348|Hungary|719819|EUR|Budapest|3054643|SLAV
NA|NAM|516|Namibia|3355338|AFR|Windhoek|3352136|AFR
AU|AUS|036|Australia|2077456|ASP|Canberra|2172517|EUR
PA|PAN|591|Panama|3703430|LATAM|Panama City|3703443|HISP
RO|ROU|642|Romania|798549|EUR|Bucharest|683506|SLAV
ML|MLI|466|Mali|2453866|AFR|Bamako|2460596|AFR
NZ|NZL|554|New Zealand|2186224|ASP|Wellington|2179537|EUR
CU|CUB|192|Cuba|3562981|LATAM|Havana|3553478|HISP
GR|GRC|300|Greece|390903|EUR|Athens|264371|EUR
BF|BFA|854|Burkina Faso|2361809|AFR|Ouagadougou|2357048|AFR
MN|MNG|496|Mongolia|2029969|ASP|Ulaanbaatar|2028462|EAS
DO|DOM|214|Dominican Republic|3508796|LATAM|Santo Domingo|3492908|HISP
IE|IRL|372|Ireland|2963597|EUR|Dublin|2964574|EUR
UA|UKR|804|Ukraine|690791|EUR|Kyiv|703448|SLAV
BJ|BEN|204|Benin|2395170|AFR|Porto-Novo|2392087|AFR
BG|BGR|100|Bulgaria|732800|EUR|Sofia|727011|SLAV
NE|NER|562|Niger|2440476|AFR|Niamey|2440485|AFR
HR|HRV|191|Croatia|3202326|EUR|Zagreb|3186886|SLAV
SL|SLE|694|Sierra Leone|2403846|AFR|Freetown|2409306|AFR
RS|SRB|688|Serbia|6290252|EUR|Belgrade|792680|SLAV
GA|GAB|266|Gabon|2400553|AFR|Libreville|2399697|AFR
CD|COD|180|Democratic Republic of the Congo|203312|AFR|Kinshasa|2314302|AFR
AO|AGO|024|Angola|3351879|AFR|Luanda|2240449|AFR
MZ|MOZ|508|Mozambique|1036973|AFR|Maputo|1040652|AFR
MG|MDG|450|Madagascar|1062947|AFR|Antananarivo|1070940|AFR
MW|MWI|454|Malawi|927384|AFR|Lilongwe|927967|AFR
"""

COUNTRIES: tuple[Country, ...] = tuple(
    Country(a2, a3, num, name, int(gid), region, capital, int(cid), names)
    for a2, a3, num, name, gid, region, capital, cid, names in (
        line.split("|") for line in _COUNTRIES.strip().splitlines()
    )
)
"""The countries, in the order the graph takes them (Switzerland, the host, first)."""

GENEVA_GEONAMES = 2660646
"""GeoNames id of Geneva, where the ITU meets (in Switzerland, the first country)."""

REGIONS: dict[str, str] = {
    "AFR": "Africa",
    "ARB": "the Arab Region",
    "LATAM": "Latin America",
    "EECAT": "Eastern Europe, Central Asia and Transcaucasia",
    "ASP": "Asia and the Pacific",
}
"""The regions of ITU-T regional groups, by the code in their notation (SG20RG-AFR)."""

# --- Sectors and study groups ---------------------------------------------------------------


@dataclass(frozen=True)
class Sector:
    """One of the ITU's three sectors, its bureau and its study periods."""

    key: str
    code: str
    name: str
    bureau: str
    bureau_code: str
    bureau_name: str
    last_year: int
    """The last year of its current study period; periods are four years long."""
    list_prefix: str
    """First letter of its mailing lists (t22sg20q1)."""


SECTORS: tuple[Sector, ...] = (
    Sector(
        "t",
        "ITU-T",
        "ITU Telecommunication Standardization Sector",
        "tsb",
        "TSB",
        "Telecommunication Standardization Bureau",
        2024,
        "t",
    ),
    Sector(
        "r",
        "ITU-R",
        "ITU Radiocommunication Sector",
        "br",
        "BR",
        "Radiocommunication Bureau",
        2023,
        "r",
    ),
    Sector(
        "d",
        "ITU-D",
        "ITU Telecommunication Development Sector",
        "bdt",
        "BDT",
        "Telecommunication Development Bureau",
        2025,
        "d",
    ),
)


@dataclass(frozen=True)
class StudyGroupInfo:
    """What the graph knows of one study group of one sector."""

    sector: str
    number: int
    title: str
    topics: tuple[str, ...]
    """Its key topics, the subjects of its Questions and Recommendations."""
    series: str = ""
    """The letter of its Recommendations (ITU-T only), such as Y."""
    base: int = 0
    """The first number of its Recommendations, such as 4000 for Y.4000."""
    span: int = 1000
    """How many numbers it uses before it numbers sub-Recommendations (Y.4000.1)."""
    regions: tuple[str, ...] = ()
    """The regions of its regional groups (ITU-T only)."""


_T = "t"
_R = "r"
_D = "d"

STUDY_GROUPS: tuple[StudyGroupInfo, ...] = (
    StudyGroupInfo(
        _T,
        20,
        "Internet of things (IoT) and smart cities and communities (SC&C)",
        (
            "Interoperability",
            "Requirements and use cases",
            "Infrastructure and architecture",
            "Data management and processing",
            "Identification and security",
            "Evaluation and assessment",
        ),
        "Y",
        4000,
        1000,
        ("AFR", "ARB", "EECAT", "LATAM"),
    ),
    StudyGroupInfo(
        _R,
        5,
        "Terrestrial services",
        ("Mobile broadband", "Fixed wireless access", "Maritime radio", "Amateur services"),
    ),
    StudyGroupInfo(
        _D,
        2,
        "Digital transformation",
        ("E-government", "Cybersecurity capacity", "Digital health", "Smart agriculture"),
    ),
    StudyGroupInfo(
        _T,
        13,
        "Future networks and emerging network technologies",
        ("Network softwarization", "Cloud computing", "Quantum key distribution", "IMT-2020"),
        "Y",
        3000,
        1000,
        ("AFR", "ARB"),
    ),
    StudyGroupInfo(
        _T,
        17,
        "Security",
        ("Identity management", "Cybersecurity", "Security architecture", "Trust services"),
        "X",
        1000,
        1000,
        ("AFR", "ARB"),
    ),
    StudyGroupInfo(
        _R,
        1,
        "Spectrum management",
        ("Spectrum monitoring", "Spectrum engineering", "Wireless power transmission"),
    ),
    StudyGroupInfo(
        _T,
        16,
        "Multimedia and related digital technologies",
        ("Video coding", "Accessibility", "Digital health", "Intelligent transport systems"),
        "H",
        200,
        700,
    ),
    StudyGroupInfo(
        _T,
        12,
        "Performance, quality of service and quality of experience",
        ("Speech quality", "Network performance", "Quality of experience", "Measurement"),
        "P",
        800,
        1000,
        ("AFR", "ARB"),
    ),
    StudyGroupInfo(
        _R,
        3,
        "Radiowave propagation",
        ("Ionospheric propagation", "Tropospheric propagation", "Radio noise"),
    ),
    StudyGroupInfo(
        _D,
        1,
        "Enabling environment for meaningful connectivity",
        ("Broadband policy", "Rural connectivity", "Consumer protection", "Spectrum policy"),
    ),
    StudyGroupInfo(
        _T,
        15,
        "Networks, technologies and infrastructures for transport, access and home",
        ("Optical transport", "Access networks", "Home networking", "Synchronization"),
        "G",
        9000,
        1000,
        ("AFR", "ARB"),
    ),
    StudyGroupInfo(
        _T,
        11,
        "Protocols, testing specifications and combating counterfeiting",
        ("Signalling protocols", "Conformance testing", "Counterfeit devices"),
        "Q",
        3900,
        1000,
        ("AFR", "ARB", "EECAT"),
    ),
    StudyGroupInfo(
        _R,
        4,
        "Satellite services",
        ("Fixed-satellite service", "Mobile-satellite service", "Radionavigation-satellite"),
    ),
    StudyGroupInfo(
        _T,
        5,
        "Environment, EMF and circular economy",
        ("Electromagnetic fields", "Circular economy", "Climate change", "Lightning protection"),
        "K",
        100,
        900,
        ("AFR", "ARB", "LATAM"),
    ),
    StudyGroupInfo(
        _T,
        3,
        "Economic and policy issues",
        ("Tariff principles", "International settlement", "Mobile financial services"),
        "D",
        100,
        900,
        ("AFR", "ARB", "LATAM", "EECAT", "ASP"),
    ),
    StudyGroupInfo(
        _R,
        6,
        "Broadcasting service",
        ("Terrestrial broadcasting", "Programme production", "Audio-visual quality"),
    ),
    StudyGroupInfo(
        _T,
        2,
        "Operational aspects of service provision and telecommunication management",
        ("Numbering", "Routing", "Telecommunication management", "Service operation"),
        "E",
        100,
        900,
        ("AFR", "ARB"),
    ),
    StudyGroupInfo(
        _T,
        9,
        "Broadband cable and TV",
        ("Cable television", "Integrated broadband cable", "Content delivery"),
        "J",
        100,
        900,
    ),
    StudyGroupInfo(
        _R,
        7,
        "Science services",
        ("Time signals", "Space research", "Radio astronomy", "Earth exploration"),
    ),
    StudyGroupInfo(
        _T,
        4,
        "Telecommunication management",
        ("Network management", "Maintenance", "Service management"),
        "M",
        3000,
        1000,
    ),
    StudyGroupInfo(
        _T,
        6,
        "Outside plant and related indoor installations",
        ("Optical fibre cables", "Cable installation", "Corrosion protection"),
        "L",
        1000,
        1000,
    ),
    StudyGroupInfo(
        _R,
        8,
        "Mobile, radiodetermination, amateur and related satellite services",
        ("Land mobile", "Radiodetermination", "Amateur-satellite"),
    ),
    StudyGroupInfo(
        _T,
        7,
        "Data networks and open system communications",
        ("Open systems interconnection", "Directory services", "Data networks"),
        "X",
        200,
        800,
    ),
    StudyGroupInfo(
        _T,
        8,
        "Characteristics of telematic systems",
        ("Facsimile", "Document architecture", "Telematic terminals"),
        "T",
        100,
        900,
    ),
    StudyGroupInfo(
        _R,
        9,
        "Fixed service",
        ("Point-to-point systems", "High-altitude platforms", "Fixed wireless systems"),
    ),
    StudyGroupInfo(
        _T,
        10,
        "Languages and general software aspects",
        ("Specification languages", "Formal description techniques", "Testing languages"),
        "Z",
        100,
        900,
    ),
    StudyGroupInfo(
        _T,
        14,
        "Television and sound transmission",
        ("Sound programme transmission", "Television transmission", "Transmission quality"),
        "N",
        100,
        900,
    ),
    StudyGroupInfo(
        _R,
        10,
        "Broadcasting service (sound)",
        ("Sound broadcasting", "Digital radio", "Shortwave broadcasting"),
    ),
    StudyGroupInfo(
        _T,
        18,
        "Transmission systems and equipment",
        ("Digital transmission systems", "Multiplexing", "Transmission equipment"),
        "G",
        100,
        800,
    ),
    StudyGroupInfo(
        _T,
        19,
        "Mobile telecommunication networks",
        ("Mobility management", "Fixed-mobile convergence", "Mobile network interworking"),
        "Q",
        1700,
        1000,
    ),
    StudyGroupInfo(
        _R,
        11,
        "Broadcasting service (television)",
        ("Television broadcasting", "Digital television", "Interactive services"),
    ),
)
"""Every study group the graph can hold, in the order the graph takes them as it grows."""

QUESTION_FORMS = (
    "{topic}: requirements and use cases",
    "Architectures and frameworks for {topic_lower}",
    "{topic} in smart sustainable cities",
    "Interoperability and testing of {topic_lower}",
    "Emerging digital technologies for {topic_lower}",
    "Evaluation and assessment of {topic_lower}",
    "Terminology and definitions for {topic_lower}",
    "Security and trust aspects of {topic_lower}",
)
"""Title forms of Questions; Recommendation titles reuse them."""

FOCUS_GROUPS = (
    ("AI4H", "Artificial Intelligence for Health"),
    ("AI4A", "Artificial Intelligence (AI) and Internet of Things (IoT) for Digital Agriculture"),
    ("DPM", "Data Processing and Management to support IoT and Smart Cities & Communities"),
    ("ML5G", "Machine Learning for Future Networks including 5G"),
    ("QIT4N", "Quantum Information Technology for Networks"),
    (
        "AI4EE",
        "Environmental Efficiency for Artificial Intelligence and other Emerging Technologies",
    ),
    ("AI4AD", "AI for Autonomous and Assisted Driving"),
    ("NET2030", "Technologies for Network 2030"),
    ("VM", "Vehicular Multimedia"),
    ("DLT", "Application of Distributed Ledger Technology"),
    ("AI4NDM", "AI for Natural Disaster Management"),
    ("MV", "Metaverse"),
    ("AN", "Autonomous Networks"),
    ("SSC", "Smart Sustainable Cities"),
    ("DFS", "Digital Financial Services"),
    ("IMT2020", "IMT-2020"),
    ("CLOUD", "Cloud Computing"),
    ("SG", "Smart Grid"),
    ("IPTV", "IPTV"),
    ("ACC", "Audiovisual Media Accessibility"),
)
"""Focus groups (acronym, subject); later ones repeat a subject in a new phase (FG-AI4H2)."""

WORKING_GROUP_TOPICS = (
    ("UC", "Use Cases and Requirements"),
    ("ARCH", "Architecture"),
    ("DATA", "Data Acquisition and Modelling"),
    ("ELR", "Ethical, Legal and Regulatory Considerations"),
    ("ROADMAP", "Standards Roadmap"),
    ("CO", "Collaboration and Outreach"),
)

TOPIC_GROUP_TOPICS = (
    "Weather modelling and forecasting",
    "Water monitoring",
    "Georeferenced data management",
    "Irrigation strategy",
    "Crop health",
    "Livestock monitoring",
)

JCAS = (
    ("IoT and SC&C", "Internet of Things and Smart Cities and Communities"),
    ("IMT2020", "IMT-2020"),
    ("IdM", "Identity Management"),
    ("CIT", "Conformance and Interoperability Testing"),
    ("SDN", "Software-defined Networking"),
    ("QKDN", "Quantum Key Distribution Networks"),
    ("AHF", "Accessibility and Human Factors"),
    ("IPTV", "IPTV"),
    ("NGN", "Next Generation Networks"),
    ("ML", "Machine Learning"),
)

CONNECT_2030_GOALS = ("Growth", "Inclusiveness", "Sustainability", "Innovation", "Partnership")

DOCUMENT_TYPES = (
    ("formal-meeting-documents", "Formal meeting documents", ""),
    ("contributions", "Contributions", "formal-meeting-documents"),
    ("temporary-documents", "Temporary documents", "formal-meeting-documents"),
    ("liaison-statements", "Liaison statements", "formal-meeting-documents"),
    ("reports", "Reports", "formal-meeting-documents"),
    ("collective-letters", "Collective letters", "formal-meeting-documents"),
    ("working-documents", "Working documents", ""),
    ("rapporteur-group-documents", "Rapporteur group meeting documents", "working-documents"),
)
"""Document types (slug, label, broader slug or "" for a top concept)."""

REC_FORMS = (
    "Requirements of {topic_lower}",
    "Framework of {topic_lower}",
    "Reference architecture of {topic_lower}",
    "Functional model of {topic_lower}",
    "Use cases of {topic_lower}",
    "Guidelines on {topic_lower}",
    "Capabilities of {topic_lower}",
    "Assessment methodology for {topic_lower}",
)

# --- Organisations --------------------------------------------------------------------------

ORGANISATION_FORMS = (
    ("Ministry of Communications and Digital Economy of {country}", "en"),
    ("National Telecommunications Regulatory Authority of {country}", "en"),
    ("{country} Telecom", ""),
    ("University of {capital}", "en"),
    ("National Institute of Standards of {country}", "en"),
    ("{capital} Institute of Technology", "en"),
    ("{country} Post and Telecommunications Corporation", ""),
    ("Centre for Digital Innovation of {country}", "en"),
)
"""Forms of the names of organisations of a country (name, language or "" for none)."""

_BRAND_SYLLABLES = (
    "nor vex kal tri zen tel ara mo qui sys lum dat nex ova pix rad sol tek vi wav xen yor zu "
    "bel cor dyn fin gal hex ion jet kor lex mag nav opt por rex sen tor ul ven"
)
BRAND_SYLLABLES = tuple(_BRAND_SYLLABLES.split())

BRAND_SUFFIXES = (
    "Networks",
    "Systems",
    "Technologies",
    "Communications",
    "Labs",
    "Solutions",
    "Digital",
    "Electronics",
    "Connect",
    "Wireless",
)

# --- People ---------------------------------------------------------------------------------

_GIVEN = {
    "AFR": "Kwame Ama Kofi Abena Chinedu Ngozi Emeka Adaeze Oluwaseun Funmilayo Tunde Bisi Musa "
    "Halima Moussa Aminata Ousmane Fatou Mamadou Awa Cheikh Jabari Zawadi Baraka Neema Tendai "
    "Rudo Thabo Lerato Sipho Nomvula Kagiso Wanjiru Achieng Bako Melvin Grace Joseph Esther Yaw",
    "ARB": "Ali Amina Ahmed Fatima Omar Layla Youssef Nour Karim Salma Hassan Mariam Khalid Huda "
    "Tarek Rania Samir Leila Nabil Yasmin Rachid Souad Walid Zeinab Mehdi Hana Bilal Dalia Faisal "
    "Reem Muath Abdulhadi Ramy Khaled Mona Sara Hamza Ibrahim Aisha Mustafa Emre Zeynep",
    "HISP": "José María Juan Lucía Carlos Sofía Diego Valentina Mateo Camila Andrés Isabella "
    "Pablo Gabriela Javier Paula Alejandro Daniela Ricardo Fernanda João Ana Pedro Beatriz Tiago "
    "Mariana Rafael Luísa Héctor Inés Raúl Marta Sergio Patricia Gonzalo Verónica Martín Julia",
    "EAS": "Wei Fang Jing Hao Min Lei Yan Jun Xiu Tao Hui Bo Ying Lan Ziqin Kenji Yuki Hiroshi "
    "Aiko Takeshi Naoko Satoshi Emi Daisuke Haruka Toru Minho Jiwoo Seojun Yuna Hyun Jisoo "
    "Dongwoo Eunji Gyu Anh Linh Duc Mai Tuan Thao Bolor",
    "SAS": "Arjun Priya Rahul Ananya Vikram Deepa Sanjay Kavya Rohan Meera Aditya Lakshmi Anil "
    "Sunita Rajesh Pooja Imran Sana Farhan Nadia Siti Budi Dewi Agus Rizal Putri Somchai Niran "
    "Malee Arif Nurul Hafiz Kiran Ravi Asha Vijay Nisha Tanvir Harinder Mei",
    "SLAV": "Ivan Olga Dmitri Natalia Sergei Elena Alexei Tatiana Nikolai Irina Andrei Svetlana "
    "Umida Aibek Aigerim Timur Dilnoza Rustam Gulnara Arman Ani Giorgi Nino Piotr Agnieszka "
    "Tomasz Katarzyna Jakub Zuzana Mihai Ioana Łukasz Bogdan Yulia Oksana Vladimir Pavel Marek "
    "Milan Jana",
    "EUR": "Hans Anna Klaus Sabine Jürgen Petra Lukas Lena Felix Johanna Pierre Claire Antoine "
    "Camille Julien Manon Thomas Chloé Marco Giulia Luca Chiara Matteo Francesca Lars Ingrid Erik "
    "Astrid Jan Eva Seán Siobhán Liam Aoife James Emily Oliver Charlotte David Sarah Michael "
    "Laura Robert Jennifer William Megan Daniel Rachel Fabio Cristina Sebastian Bernard",
}

_FAMILY = {
    "AFR": "Okafor Adeyemi Mensah Owusu Boateng Nkosi Dlamini Mokoena Ndlovu Banda Phiri Mwangi "
    "Otieno Kamau Njoroge Diallo Traoré Coulibaly Konaté Ndiaye Sow Camara Keita Touré Sylla "
    "Kouassi Yao Abubakar Bello Lawal Eze Nwosu Okoro Mutua Kiprop Tshabalala Moyo Habimana "
    "Manasseh Wakil Kouakou Asante Tembo Mbeki",
    "ARB": "Benali Haddad Mansour Khalil Nasser Saleh Hamdan Farouk Toumi Bouzid Chraibi Alaoui "
    "Mekki Hariri Aziz Qasim Rahman Karimi Hosseini Tehrani Moradi Ahmadi Sadeghi Yilmaz Kaya "
    "Demir Şahin Çelik Aydin Öztürk Arslan Doğan Abbassene Chabou Alrumayh Fathy Azemi Obeid "
    "Hijazi Shaheen Masri Bakr Najjar Darwish",
    "HISP": "García Rodríguez Martínez Hernández López González Pérez Sánchez Ramírez Torres "
    "Flores Rivera Gómez Díaz Morales Ortiz Castillo Jiménez Vargas Romero Herrera Medina "
    "Aguilar Castro Mendoza Ruiz Álvarez Silva Santos Oliveira Souza Costa Pereira Ferreira "
    "Almeida Carvalho Ribeiro Barbosa Rocha Araújo Moreira Fernandes Budé Carril Navarro",
    "EAS": "Wang Zhang Liu Chen Yang Huang Zhao Zhou Wu Xu Sun Ma Zhu Hu Guo He Lin Luo Gao Zheng "
    "Sang Tanaka Suzuki Takahashi Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Sato "
    "Yamada Kim Lee Park Choi Jung Kang Cho Yoon Jang Nguyen Tran Pham Hoang Dang Batbayar",
    "SAS": "Sharma Patel Singh Kumar Gupta Reddy Iyer Nair Menon Rao Das Bose Chatterjee "
    "Mukherjee Joshi Grewal Khan Hussain Siddiqui Chaudhry Qureshi Malik Santoso Wijaya Halim "
    "Susanto Tan Ong Chua Teo Wong Srisuk Chaiyaporn Rahim Ismail Abdullah Hashim Perera Fernando "
    "Bandara Shrestha Thapa Islam Lim",
    "SLAV": "Ivanov Petrov Smirnov Kuznetsov Popov Sokolov Lebedev Kozlov Novikov Morozov Volkov "
    "Pavlov Orlov Borodin Sidorov Tokayev Aliyev Mammadov Beridze Kapanadze Hovhannisyan "
    "Petrosyan Grigoryan Karimov Yusupov Rakhimov Nowak Kowalski Wiśniewski Wójcik Kowalczyk "
    "Novák Svoboda Dvořák Horváth Nagy Tóth Szabó Popescu Ionescu Shevchenko Kovalenko "
    "Bondarenko Melnyk Musaev",
    "EUR": "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Hoffmann Schulz Koch "
    "Richter Klein Wolf Neumann Martin Dubois Durand Lefebvre Moreau Laurent Simon Michel Leroy "
    "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti "
    "Jansen Visser Bakker Smit Dekker Peeters Janssens Maes Andersson Johansson Karlsson Nilsson "
    "Eriksson Larsen Hansen Nielsen Jensen Korhonen Virtanen Georgiou Papadopoulos Smith Johnson "
    "Williams Brown Jones Miller Davis Wilson Anderson Taylor Moore Jackson White Harris Clark "
    "Lewis Walker Hall Allen Young King Wright Scott Green Baker Adams Nelson Hill Campbell "
    "Mitchell Roberts Carter Evans Turner Murphy Kelly Walsh Byrne Ryan Bigi Bueti Mulquin "
    "Gindroz Bosse",
}

GIVEN_NAMES: dict[str, tuple[str, ...]] = {k: tuple(v.split()) for k, v in _GIVEN.items()}
"""Given names by pool (the ``names`` of a :class:`Country`)."""

FAMILY_NAMES: dict[str, tuple[str, ...]] = {k: tuple(v.split()) for k, v in _FAMILY.items()}
"""Family names by pool."""

INITIALS = tuple("ABCDEFGHIJKLMNOPRSTVWY")
"""Middle initials ("Ali B. Abbassene"), which tell apart people of the same name."""

TITLES = ("Mr", "Ms", "Mrs", "Dr", "Prof")
