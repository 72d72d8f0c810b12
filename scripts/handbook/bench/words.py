"""Fixed vocabularies for the synthetic handbook. Every name here is made up."""

FIRST_NAMES = (
    "Ada", "Amara", "Anders", "Aroha", "Bea", "Bruno", "Chidi", "Clara", "Dai", "Dara", "Elif", "Emeka",
    "Esme", "Farah", "Felix", "Greta", "Hana", "Hugo", "Ines", "Ivo", "Jun", "Kaito", "Kofi", "Lena",
    "Leon", "Lior", "Mara", "Mateo", "Mina", "Nadia", "Nico", "Noor", "Olek", "Oona", "Pavel", "Priya",
    "Quinn", "Rafa", "Rhea", "Rosa", "Sami", "Selin", "Tariq", "Tess", "Uma", "Vera", "Wren", "Yara",
    "Yusuf", "Zane",
)
LAST_NAMES = (
    "Abara", "Bakker", "Castell", "Dimitrov", "Eskola", "Fontaine", "Gallo", "Haddad", "Ibarra", "Jansen",
    "Kowal", "Lindqvist", "Moreau", "Nakamura", "Okonjo", "Petrov", "Quist", "Rossi", "Santos", "Tanaka",
    "Ueda", "Varga", "Weller", "Xu", "Yilmaz", "Zeller", "Arden", "Brandt", "Cortes", "Dunmore", "Ekwueme",
    "Falk", "Grau", "Holm", "Iversen", "Jaramillo", "Kask", "Lund", "Marsh", "Novak",
)
COMPANY_FIRST = ("Blue", "North", "Cedar", "Harbor", "Lumen", "Granite", "Willow", "Orbit", "Kestrel",
                 "Juniper", "Copper", "Meadow", "Summit", "Tidal", "Beacon", "Fern", "Quarry", "Aster")
COMPANY_LAST = ("Analytics", "Health", "Transit", "Labs", "Logistics", "Foods", "Energy", "Studio",
                "Capital", "Robotics", "Press", "Clinic", "Systems", "Works", "Outfitters", "Insurance")
ROLES = (
    "Data Analyst", "Product Manager", "UX Researcher", "Software Engineer", "Nurse Educator",
    "Operations Lead", "Grant Writer", "Policy Advisor", "Marketing Manager", "Recruiter",
    "Supply Chain Planner", "Financial Analyst", "Teacher", "Librarian", "Community Organiser",
    "Civil Engineer", "Hospital Administrator", "Content Strategist", "Sales Director",
    "Research Scientist", "Program Officer", "Designer", "Project Coordinator", "Founder",
)
CITIES = ("Saint Paul, MN", "Leeds", "Porto", "Toronto, ON", "Lyon", "Austin, TX", "Tampere", "Accra",
          "Melbourne", "Denver, CO", "Utrecht", "Osaka", "Bristol", "Cork", "Tucson, AZ", "Remote")
TAGS = ("analytics", "healthcare", "design", "policy", "nonprofit", "education", "finance", "logistics",
        "research", "startups", "public-sector", "climate", "hiring", "mentor", "alumni", "engineering",
        "marketing", "writing", "operations", "data", "product", "transport", "energy", "food")
HOW_WE_MET = ("alumni search", "met at a meetup", "introduced by a friend", "LinkedIn message",
              "conference panel", "former colleague", "volunteer day", "course classmate")
PLACES = ("Blue Door Cafe", "Library meeting room", "Video call", "Their office", "Corner bakery",
          "Park bench by the river", "Phone", "Co-working space")
GOALS = (
    "Understand how {role}s spend a typical week",
    "Hear how they moved into {company}",
    "Ask which skills matter most for a first role",
    "Get feedback on my portfolio",
    "Learn what hiring looks like in {tag}",
    "Find out which teams at {company} are growing",
    "Ask for two more people to talk to",
)
TASKS = ("Send the article we discussed", "Share my portfolio link", "Introduce them to a classmate",
         "Apply to the posting they mentioned", "Read the book they recommended", "Ask about the meetup date")
# Notes are built from these: common words give realistic search-index weight without meaning much.
WORDS = (
    "team", "project", "data", "people", "role", "course", "year", "work", "advice", "manager", "skills",
    "interview", "meeting", "company", "hiring", "process", "first", "job", "learned", "mentioned",
    "suggested", "report", "budget", "client", "research", "training", "portfolio", "networking",
    "question", "feedback", "career", "change", "growth", "weekly", "remote", "office", "contract",
    "salary", "culture", "tools", "spreadsheet", "dashboard", "customers", "planning", "schedule",
    "volunteer", "certificate", "degree", "internship", "mentor", "colleague", "introduction", "coffee",
    "friendly", "busy", "honest", "patient", "curious", "practical", "quickly", "slowly", "often",
    "rarely", "recently", "later", "before", "after", "during", "because", "although", "while", "and",
    "but", "with", "about", "from", "into", "over", "under", "the", "a", "their", "our", "new", "old",
    "small", "large", "local", "national", "open", "closed", "next", "last", "good", "hard", "easy",
    "writing", "presenting", "listening", "sharing", "building", "testing", "reviewing", "helping",
)
