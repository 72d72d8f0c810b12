"""How the site search sees each kind of generated page: the ``search:`` of its frontmatter, which
overrides/main.html hands to Pagefind (README, "Search"). ``kind`` labels the page in the results;
``boost`` would weigh every word on a page (1 is normal). The templates mark what weighs more: a
person's name and company are search metadata (contact.md.j2), a meeting's kind weighs like a title."""

PERSON = {"kind": "Person"}
MEETING = {"kind": "Meeting"}
COMPANY = {"kind": "Company"}
QUESTION_BANK = {"kind": "Questions"}
# A page that only lists what other pages say: searching it would repeat them.
LEFT_OUT = {"exclude": True}
