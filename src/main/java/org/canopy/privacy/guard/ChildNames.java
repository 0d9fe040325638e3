package org.canopy.privacy.guard;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.canopy.privacy.ChildCue;
import org.canopy.privacy.FoundIdentifier;
import org.canopy.privacy.IdentifierKind;

/**
 * Finds a child's name: a first name the gazetteer ({@link FirstNames}) knows, with any surname after it, standing next
 * to something that says the person is a child. A name alone passes, because partnership prose names its delegates,
 * chairs, nurses and trainers; so does a name after a title ("Ms Adeyemi", "DCI Shah"), a saint's or a place's name
 * ("St Mary's", "Victoria Park"), and a name in quotation marks, which is how a review's pseudonym is written ("the SCR
 * for 'Ollie'"). The cues, each only directly around the name:
 * <ul>
 * <li>age: "Zara, 6,", "Daniel (14)", "Noor, 3 weeks,", "Zara aged 7", "7yo", "Zara is 6.", "the 7-year-old Zara";</li>
 * <li>school: "Zara, year 8,", "Zara (Y8)", "Zara attends Bow School", "Zara disclosed at Bow School", "Zara's teacher";</li>
 * <li>family: "Isaac's grandmother", "Zara and her sister", "her brother Adam", "mother of Zara", "Fatima (mother)";</li>
 * <li>birth: "Zara (born 2012)", "Zara DOB ...", "born to Fatima";</li>
 * <li>words that name a child: "the child, Zara", "young person Daniel", "baby Noor", "Zara, a looked after child".</li>
 * </ul>
 * Only capitalised words are looked up (one pass over the text, one set lookup per capitalised word), so the cue
 * patterns run only where a name stands: the check costs little on the million narratives of an import.
 */
final class ChildNames {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** How far before a name a cue may start, in characters. */
    private static final int BEFORE = 60;
    /** How far after a name a cue may reach, in characters. */
    private static final int AFTER = 140;

    /** Words before a first name that make it an adult's (a title or rank) or a saint's, a monarch's or a place's. */
    private static final Set<String> TITLES = Set.of(
            "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "cllr", "councillor", "rev", "revd",
            "reverend", "sir", "dame", "lord", "lady", "baroness", "baron", "st", "saint", "king", "queen", "prince",
            "princess", "bishop", "cardinal", "pope", "mount", "fort", "port", "lake", "cape", "dc", "ds", "di",
            "dci", "dcs", "dsu", "pc", "pcso", "sgt", "insp", "supt", "inspector", "sergeant", "constable",
            "superintendent", "commander", "detective", "judge", "justice", "hhj", "nurse", "midwife", "imam",
            "rabbi");

    /** Words after a name that make the whole a place, a school, a building, a programme or a body, not a person. */
    private static final Set<String> PLACE_WORDS = Set.of(
            "park", "road", "rd", "street", "st", "lane", "avenue", "close", "way", "drive", "gardens", "place",
            "square", "crescent", "terrace", "grove", "court", "walk", "mews", "row", "hill", "green", "estate",
            "house", "tower", "towers", "centre", "center", "hall", "school", "schools", "academy", "college",
            "primary", "secondary", "high", "nursery", "university", "hospital", "ward", "clinic", "surgery",
            "practice", "trust", "foundation", "project", "programme", "program", "hub", "unit", "team", "service",
            "services", "partnership", "group", "board", "panel", "forum", "network", "review", "report", "church",
            "mosque", "temple", "synagogue", "library", "bridge", "station", "market", "wharf", "dock", "docks",
            "island", "field", "fields", "common", "town", "city", "village", "club", "society", "association",
            "charity", "fund", "award", "prize", "lecture", "room", "building", "institute", "act", "plan",
            "strategy", "policy", "model", "approach", "framework", "method", "principle", "principles", "rule",
            "law", "scheme", "initiative", "campaign", "week", "day", "month", "year", "fellowship", "medal", "cup",
            "league", "stadium", "arena", "theatre", "cinema", "gallery", "museum", "infant", "infants", "junior",
            "juniors", "pru", "ltd", "limited", "plc", "cic", "llp", "inc", "boys", "girls", "health", "care",
            "homes", "home", "lodge", "manor", "farm", "wood", "woods", "end", "gate", "cross", "circus",
            "embankment", "quay", "basin", "reach", "marsh", "mill", "mills", "yard", "works", "point", "parade",
            "heath", "rise", "vale", "view", "light", "spot", "syndrome", "scale", "test", "index");

    /** Capitalised words that never continue a name: "Zara And Adam" in a heading, "Noor I" in a child's message. */
    private static final Set<String> SMALL_WORDS = Set.of("and", "or", "the", "a", "an", "i", "is", "was", "of", "in", "on", "at",
            "to", "for", "with", "by", "from", "year", "yr", "aged", "age", "born", "dob", "who", "has", "had", "are", "were");

    private static final String FAMILY = "(?:great[-\\s])?(?:grand(?:mother|father|ma|pa|ad|dad|parents?|son|daughter)"
            + "|step[-\\s]?(?:mother|father|mum|dad|brother|sister|parents?)|half[-\\s](?:brother|sister)"
            + "|mother|mum|mummy|mom|mam|father|dad|daddy|brothers?|sisters?|siblings?|nan|nana|nanny|gran|granny"
            + "|auntie|aunty|aunt|uncle|cousins?|parents?|carers?|guardian|twin|birth\\s+(?:mother|father|parents?)"
            + "|kinship\\s+carers?|foster\\s+(?:carers?|mother|father|parents?|mum|dad))";

    /** After a family word, these make it a role or a service: "family support worker", "parent governor". */
    private static final String FAMILY_ROLE = "(?!\\s+(?:support|worker|workers|governors?|champions?|partners?|liaison|hub|"
            + "groups?|centres?|nurses?|officers?|teams?|ambassadors?|networks?|forums?|engagement|practitioners?|panel|"
            + "programme|board|council|voice|and\\s+baby|infant|information|services?|assessment|and\\s+famil(?:y|ies)|"
            + "and\\s+carers?|and\\s+children|and\\s+young)\\b)";

    private static final String SCHOOL_PEOPLE = "(?:class\\s+teacher|form\\s+tutor|head\\s+of\\s+year|teachers?|tutor|"
            + "school(?!\\s+(?:nurse|health))|nursery|class|classmates?|year\\s+group|teaching\\s+assistant|senco|head\\s*teacher)";

    private static final String CHILD_SERVICES = "(?:social\\s+worker|key\\s+worker|health\\s+visitor|child\\s+protection\\s+plan|"
            + "cp\\s+plan|care\\s+plan|ehcp|ehc\\s+plan|placement|foster\\s+placement|advocate|youth\\s+worker|school\\s+nurse|"
            + "iro|cot|bedroom|birthday|date\\s+of\\s+birth|dob)";

    private static final String RELATION_ADJ = "(?:(?:older|younger|elder|eldest|youngest|little|big|baby|twin|half|step|"
            + "maternal|paternal|birth|biological|adoptive|foster|new|late|two|three|\\d{1,2}[-\\s]year[-\\s]old)[-\\s]+){0,2}";

    private static final String CHILD_NOUN = "(?:child|boy|girl|baby|infant|toddler|new-?born|neonate|pupil|student|"
            + "teenager|teen|young\\s+person|care\\s+leaver|child\\s+in\\s+care|looked[-\\s]after\\s+child|minor|son|daughter|"
            + "yp|cyp|cla|lac|uasc|adolescent)";

    /** After a child word, these make it a service, a role or a topic: "the child protection chair", "student nurse". */
    private static final String CHILD_ROLE = "(?![-\\s]+(?:protection|death|safeguarding|health|development|exploitation|"
            + "sexual|poverty|friendly|centres?|services?|social|mental|participation|rights|practice|welfare|abuse|"
            + "trafficking|criminal|neglect|advocates?|advocacy|minding|minders?|led|focused|centred|nurses?|workers?|"
            + "officers?|midwi(?:fe|ves)|teachers?|practitioners?|doctors?|placements?|ambassadors?|mayors?|advis[eo]rs?|"
            + "governors?|champions?|volunteers?|representatives?|voice|council|researchers?|and\\s+family|and\\s+young|"
            + "in\\s+need|care\\s+(?:team|service|manager)|looked|unit|ward|panel|review|reviews|plan|plans|group|forum)\\b)";

    private static final String AGE_UNIT = "(?:years?|yrs?|yo|y/o|y\\.o\\.?|months?|mths?|mos|m/o|weeks?|wks?|w/o|days?)";

    // --- cues after the name, tried with lookingAt() at its end ---

    private static final Pattern POSSESSIVE = Pattern.compile("(?:'s|\u2019s|'|\u2019)\\s+" + RELATION_ADJ
            + "(?:(?<family>" + FAMILY + ")" + FAMILY_ROLE + "|(?<school>" + SCHOOL_PEOPLE + ")|(?<child>" + CHILD_SERVICES
            + "))(?![\\p{L}])", FLAGS);

    private static final Pattern AGE_AFTER = Pattern.compile("(?<conn>\\s*[,(\\[]\\s*|\\s+[-\u2013]\\s+|\\s+)"
            + "(?<verb>(?:(?:who|that)\\s+(?:is|was)|is|was|turned|turns|has\\s+turned)\\s+(?:now\\s+|only\\s+|just\\s+)?)?"
            + "(?<aged>aged?\\s*:?\\s*)?(?<n>\\d{1,2})(?![\\d%])(?![.,:/]\\d)"
            + "(?<unit>\\s*-?\\s*" + AGE_UNIT + "(?<old>[-\\s]old)?(?![\\p{L}]))?"
            + "(?<close>\\s*(?:[,)\\].;:!?]|\\z)|\\s+(?:and|but|when|who|was|is|has|had|were|are|lives|lived|attends|attended|"
            + "told|said|says|disclosed|presented|reported|went|goes|came|ran|stayed|stays|remains|remained|sustained|"
            + "suffered|died|alleged|self-harmed|with\\s+(?:his|her|their))\\b)?", FLAGS);

    private static final Pattern SCHOOL_YEAR_AFTER = Pattern.compile("(?:\\s*[,(\\[]\\s*|\\s+)"
            + "(?:(?:who|that)\\s+(?:is|was)\\s+|(?:is|was)\\s+)?(?:(?:now|currently)\\s+)?(?:in\\s+)?"
            + "(?:(?i:year|yr)\\s*(?<y>\\d{1,2})|Y(?<y2>\\d{1,2})|(?i:reception|nursery|sixth\\s+form))(?![\\p{L}\\d])"
            + "(?!\\s+(?i:teachers|leads?|tutors|co-?ordinators?|staff|heads?|team|pupils|students|children|cohorts?|"
            + "groups?|classes|assembl(?:y|ies)|teacher\\b|tutor\\b))");

    private static final String SCHOOL_NAME = "(?:(?:the|a|an|her|his|their|a\\s+local|local)\\s+)?(?:[\\p{L}'\u2019.&-]+\\s+){0,6}?"
            + "(?:school|academy|primary|secondary|college|nursery|pru|pupil\\s+referral\\s+unit|high)(?![\\p{L}])"
            + "(?!\\s+(?:safeguarding|leads?|governors?|staff|forum|network|nurses?|health|improvement|partnership|partners|"
            + "council|meetings?|conference|heads?|leaders?|leadership|business|audits?|workforce|sector|support|teams?|"
            + "services?|visits?|holidays?|terms?|admissions|place\\s+planning|improvement|standards)\\b)";

    private static final Pattern ATTENDS_AFTER = Pattern.compile("(?:\\s*,\\s*|\\s+)(?:(?:who|that)\\s+)?(?:now\\s+)?"
            + "(?:attends|attended|attending|goes\\s+to|went\\s+to|is\\s+(?:a\\s+)?(?:pupil|student)\\s+at|(?:a\\s+)?(?:pupil|"
            + "student)\\s+at|started\\s+at|moved\\s+(?:schools?\\s+)?to|transferred\\s+to|was\\s+excluded\\s+from|"
            + "excluded\\s+from|was\\s+absent\\s+from|absent\\s+from|missing\\s+from|is\\s+on\\s+roll\\s+at|on\\s+roll\\s+at)"
            + "\\s+" + SCHOOL_NAME, FLAGS);

    private static final Pattern DISCLOSED_AT_SCHOOL = Pattern.compile("\\s+(?i:disclosed|told|was\\s+seen|"
            + "was\\s+spoken\\s+to|was\\s+interviewed|was\\s+found|was\\s+collected|was\\s+picked\\s+up|arrived|ran\\s+away|"
            + "went\\s+missing|self-harmed|fell|was\\s+injured|was\\s+hurt|cried|became\\s+upset|was\\s+upset|was\\s+bullied)"
            + "(?![\\p{L}])(?:\\s+[\\p{L}'\u2019]+){0,5}?\\s+(?i:at|to|from|in|outside)\\s+"
            + "(?:(?:[\\p{Lu}][\\p{L}'\u2019.&-]*\\s+){1,5}(?:School|Academy|Primary|College|Nursery|High)|(?i:(?:her|his|their)\\s+)?"
            + "(?i:school|nursery))(?![\\p{L}])");

    private static final Pattern FAMILY_AFTER = Pattern.compile("(?<gap>(?:[\\s,]+[\\p{L}'\u2019\\d-]+){0,8}?)[\\s,]+"
            + "(?:his|her|their)\\s+" + RELATION_ADJ + "(?:(?<family>" + FAMILY + ")" + FAMILY_ROLE
            + "|(?<school>class\\s+teacher|form\\s+tutor|head\\s+of\\s+year|teacher|school|nursery)"
            + "(?!\\s+(?:governors?|staff|leadership|colleagues|business|network)\\b))(?![\\p{L}])", FLAGS);

    private static final Pattern RELATION_AFTER = Pattern.compile("\\s*[,(\\[]\\s*(?:the\\s+)?(?:(?:child|children|baby|boy|girl)"
            + "(?:'s|\u2019s|s'|s\u2019)\\s+)?" + RELATION_ADJ + FAMILY + FAMILY_ROLE + "(?![\\p{L}])", FLAGS);

    private static final Pattern BIRTH_AFTER = Pattern.compile("(?:\\s*[,(\\[]\\s*|\\s+)(?:(?:who\\s+)?was\\s+)?"
            + "(?:born|b\\.|dob|d\\.o\\.b\\.?|date\\s+of\\s+birth)(?![\\p{L}])", FLAGS);

    private static final Pattern CHILD_AFTER = Pattern.compile("(?:\\s*[,(\\[]\\s*|\\s+[-\u2013]\\s+|\\s+(?:who\\s+)?(?:is|was)\\s+)"
            + "(?:a|an|the|our)?\\s*(?:(?:\\d{1,2}[-\\s](?:year|month|week)s?[-\\s]old|young|looked[-\\s]after|unaccompanied|"
            + "asylum[-\\s]seeking|little|disabled|vulnerable|teenage|new-?born|subject|index|local)\\s+){0,3}"
            + CHILD_NOUN + "(?![\\p{L}])" + CHILD_ROLE, FLAGS);

    // --- cues before the name, found so that they end where the name starts ---

    private static final Pattern CHILD_BEFORE = Pattern.compile("(?<![\\p{L}])(?:(?:the|a|an|our|this|subject|index|unborn|"
            + "new-?born|looked[-\\s]after|young|little|older|younger|\\d{1,2}[-\\s](?:year|month|week)s?[-\\s]old)\\s+){0,3}"
            + "(?:child|young\\s+person|yp|cyp|baby|infant|toddler|new-?born|neonate|boy|girl|son|daughter|pupil|student|"
            + "teenager|teen|adolescent|care\\s+leaver|twins?|minor|uasc|cla|lac|siblings?|(?<plural>children|young\\s+people|kids))"
            + "\\s*(?:,\\s*|\\(\\s*|:\\s*|-\\s*)?(?:(?:called|named|known\\s+as|aka)\\s+)?\\z", FLAGS);

    /** The child words before a name that leave no doubt it is a child's, even a name the lists do not hold. */
    private static final Pattern STRONG_CHILD_BEFORE = Pattern.compile("(?<![\\p{L}])(?:baby|infant|young\\s+person|"
            + "(?:the|a)\\s+(?:child|boy|girl|young\\s+person|baby|infant|toddler)\\s*,|sibling|twin)\\s+\\z", FLAGS);

    // "Head of Children, Sarah Jones" and "Designated Nurse for Children, Jane" name a post, not a child.
    private static final Pattern POST_BEFORE = Pattern.compile("(?<![\\p{L}])(?:of|for|in|and)\\s+(?:the\\s+)?\\z", FLAGS);

    private static final Pattern AGE_BEFORE = Pattern.compile("(?<![\\p{L}\\d])(?:\\d{1,2}[-\\s](?:year|month|week|day)s?[-\\s]old"
            + "|aged\\s+\\d{1,2})\\s*(?:,\\s*)?\\z", FLAGS);

    private static final Pattern FAMILY_BEFORE = Pattern.compile("(?<![\\p{L}])(?:(?:(?:his|her|their|the|a|whose|[\\p{L}]+"
            + "(?:'s|\u2019s|s'|s\u2019))\\s+)" + RELATION_ADJ + FAMILY + "\\s*(?:,\\s*|\\(\\s*|:\\s*|-\\s*)?(?:(?:called|named|"
            + "known\\s+as)\\s+)?|" + FAMILY + "\\s+(?:of|to)\\s+)\\z", FLAGS);

    private static final Pattern BIRTH_BEFORE = Pattern.compile("(?<![\\p{L}])(?:born\\s+to|(?:the\\s+)?birth\\s+of)\\s+\\z", FLAGS);

    private static final Pattern SELF_BEFORE = Pattern.compile("(?<![\\p{L}])(?:my\\s+name\\s+is|my\\s+name'?s|my\\s+names|"
            + "i\\s+am|i'?m|i\u2019m|call\\s+me|(?:i\\s+am|i'?m|i\u2019m)\\s+called|this\\s+is|name\\s*[:=-]|it'?s|it\\s+is|"
            + "i\\s+go\\s+by|people\\s+call\\s+me)\\s*\\z", FLAGS);

    private static final Pattern SIGN_OFF_BEFORE = Pattern.compile("(?<![\\p{L}])(?:from|love|thanks|thank\\s+you|cheers|bye|"
            + "regards|signed)\\s*[,:-]?\\s*\\z", FLAGS);

    private static final Pattern END = Pattern.compile("[\\s.!,x]*\\z", FLAGS);

    private final Supplier<FirstNames> names;

    ChildNames(Supplier<FirstNames> names) {
        this.names = names;
    }

    /**
     * Adds a finding for each child's name in {@code text}. With {@code childsOwnWords} (the tell us page), a name in
     * small letters counts too, and so does one after "I am", "my name is", "Name:" or a sign-off ("from Zara").
     */
    void find(String text, boolean childsOwnWords, List<FoundIdentifier> found) {
        FirstNames names = this.names.get();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!Character.isLetter(c)) {
                i++;
                continue;
            }
            int start = i;
            int end = wordEnd(text, i);
            i = end;
            if (start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)))) {
                continue;
            }
            boolean capital = Character.isUpperCase(c);
            if (!capital && !childsOwnWords) {
                continue;
            }
            if (!names.contains(text, start, end)) {
                // A name the lists do not hold (Hodan, Tahmid, Kacper) is still a child's name before "'s grandmother" or
                // after "baby": the two cues that only a person's name stands next to.
                if (capital && end - start >= 3 && strongCue(text, start, end)) {
                    int nameEnd = surnameEnd(text, end, childsOwnWords);
                    if (nameEnd > 0) {
                        found.add(new FoundIdentifier(IdentifierKind.CHILD_NAME, start, nameEnd, strongCueKind(text, start, nameEnd)));
                        i = nameEnd;
                    }
                }
                continue;
            }
            String before = previousWord(text, start);
            if (before != null && TITLES.contains(FirstNames.fold(before)) && capital) {
                continue;
            }
            if (quoted(text, start, end)) {
                continue;
            }
            int nameEnd = surnameEnd(text, end, childsOwnWords);
            if (nameEnd < 0) {
                continue;
            }
            ChildCue cue = cue(text, start, nameEnd, childsOwnWords);
            if (cue != null) {
                found.add(new FoundIdentifier(IdentifierKind.CHILD_NAME, start, nameEnd, cue));
                i = nameEnd;
            }
        }
    }

    // An unknown word counts only if it is a plain capitalised word (not "CAMHS", not a title or a place word), its
    // run of capitals is a person's (no place word after it) and the cue is a family possessive or a child word before it.
    private static boolean strongCue(String text, int start, int end) {
        String word = text.substring(start, end);
        String folded = FirstNames.fold(word);
        if (!word.substring(1).equals(word.substring(1).toLowerCase(java.util.Locale.ROOT)) || TITLES.contains(folded)
                || PLACE_WORDS.contains(folded) || SMALL_WORDS.contains(folded) || FirstNames.ORDINARY_WORDS.contains(folded)) {
            return false;
        }
        String before = previousWord(text, start);
        if (before != null && Character.isUpperCase(before.charAt(0)) && !CHILD_TITLES.contains(FirstNames.fold(before))
                && previousIsWordBefore(text, start)) {
            // "Tower Hamlets' parents": a word inside a run of capitals is a place's or a body's name, not a first name.
            return false;
        }
        int nameEnd = surnameEnd(text, end, false);
        return nameEnd > 0 && strongCueKind(text, start, nameEnd) != null;
    }

    private static final Set<String> CHILD_TITLES = Set.of("baby", "infant", "sibling", "twin", "person");

    private static boolean previousIsWordBefore(String text, int start) {
        return start >= 2 && text.charAt(start - 1) == ' ' && Character.isLetter(text.charAt(start - 2));
    }

    private static ChildCue strongCueKind(String text, int start, int end) {
        Matcher m = POSSESSIVE.matcher(text).region(end, Math.min(text.length(), end + AFTER)).useTransparentBounds(true);
        if (m.lookingAt() && m.group("family") != null) {
            return ChildCue.FAMILY;
        }
        if (endsAt(STRONG_CHILD_BEFORE, text, Math.max(0, start - BEFORE), start)) {
            return ChildCue.CHILD_WORDS;
        }
        return null;
    }

    private static int wordEnd(String text, int i) {
        int n = text.length();
        while (i < n && (Character.isLetter(text.charAt(i)) || Character.getType(text.charAt(i)) == Character.NON_SPACING_MARK)) {
            i++;
        }
        return i;
    }

    /** The word just before {@code start} (skipping a full stop and spaces: "Dr. Shah"), or null. */
    private static String previousWord(String text, int start) {
        int j = start - 1;
        while (j >= 0 && (text.charAt(j) == ' ' || text.charAt(j) == '.' || text.charAt(j) == '\u00A0')) {
            j--;
        }
        int e = j + 1;
        while (j >= 0 && Character.isLetter(text.charAt(j))) {
            j--;
        }
        return e > j + 1 ? text.substring(j + 1, e) : null;
    }

    // 'Ollie', "Kamrul", ‘Ollie’: how partnerships write a review's pseudonym.
    private static boolean quoted(String text, int start, int end) {
        if (start == 0) {
            return false;
        }
        char open = text.charAt(start - 1);
        if (open != '\'' && open != '"' && open != '\u2018' && open != '\u201C') {
            return false;
        }
        int e = end;
        // A quoted pseudonym may have two words ("'Baby Amara'"); its closing quote is within a few characters.
        int limit = Math.min(text.length(), end + 25);
        while (e < limit) {
            char q = text.charAt(e);
            if (q == '\'' || q == '"' || q == '\u2019' || q == '\u201D') {
                // "Isaac's" is a possessive, not a closing quote.
                return !(q == '\'' || q == '\u2019') || e + 1 >= text.length() || !Character.isLetter(text.charAt(e + 1));
            }
            if (!Character.isLetter(q) && q != ' ' && q != '-') {
                return false;
            }
            e++;
        }
        return false;
    }

    /**
     * Where the name ends, with up to three capitalised words after it ("Noor Hussain", "Mary-Jane Okoro-Smith"), or
     * -1 when a word after it makes the whole a place or a body ("Victoria Park", "William Davis School").
     */
    private static int surnameEnd(String text, int end, boolean childsOwnWords) {
        int nameEnd = end;
        int words = 0;
        int i = end;
        int n = text.length();
        while (i < n && words < 4) {
            int j = i;
            if (j < n && (text.charAt(j) == '-' || text.charAt(j) == ' ')) {
                j++;
            } else {
                break;
            }
            if (j >= n || !Character.isLetter(text.charAt(j))) {
                break;
            }
            int we = wordEnd(text, j);
            String word = text.substring(j, we);
            if (PLACE_WORDS.contains(FirstNames.fold(word)) && Character.isUpperCase(word.charAt(0))) {
                return -1;
            }
            // O'Neill, D'Souza: an apostrophe inside a surname, not a possessive.
            if (we + 2 < n && (text.charAt(we) == '\'' || text.charAt(we) == '\u2019') && Character.isUpperCase(text.charAt(we + 1))
                    && we - j == 1) {
                we = wordEnd(text, we + 1);
            }
            // Brown, White and Young are surnames too; a small word ("and", "is") ends the name.
            if (!Character.isUpperCase(word.charAt(0)) || SMALL_WORDS.contains(FirstNames.fold(word))) {
                break;
            }
            nameEnd = we;
            i = we;
            words++;
        }
        return nameEnd;
    }

    private static ChildCue cue(String text, int start, int end, boolean childsOwnWords) {
        int n = text.length();
        int to = Math.min(n, end + AFTER);
        Matcher m = POSSESSIVE.matcher(text).region(end, to).useTransparentBounds(true);
        if (m.lookingAt()) {
            return m.group("family") != null ? ChildCue.FAMILY : m.group("school") != null ? ChildCue.SCHOOL : ChildCue.CHILD_WORDS;
        }
        if (age(text, end, to)) {
            return ChildCue.AGE;
        }
        if (schoolYear(text, end, to) || lookingAt(ATTENDS_AFTER, text, end, to) || lookingAt(DISCLOSED_AT_SCHOOL, text, end, to)) {
            return ChildCue.SCHOOL;
        }
        if (lookingAt(BIRTH_AFTER, text, end, to)) {
            return ChildCue.BIRTH;
        }
        if (lookingAt(RELATION_AFTER, text, end, to)) {
            return ChildCue.FAMILY;
        }
        if (lookingAt(CHILD_AFTER, text, end, to)) {
            return ChildCue.CHILD_WORDS;
        }
        m = FAMILY_AFTER.matcher(text).region(end, to).useTransparentBounds(true);
        if (m.lookingAt() && !m.group("gap").matches(".*[.;:!?].*")) {
            return m.group("family") != null ? ChildCue.FAMILY : ChildCue.SCHOOL;
        }
        int from = Math.max(0, start - BEFORE);
        m = CHILD_BEFORE.matcher(text).region(from, start).useTransparentBounds(true);
        if (m.find() && !(m.group("plural") != null && POST_BEFORE.matcher(text).region(Math.max(0, m.start() - 5), m.start())
                .useTransparentBounds(true).find())) {
            return ChildCue.CHILD_WORDS;
        }
        if (endsAt(AGE_BEFORE, text, from, start)) {
            return ChildCue.AGE;
        }
        if (endsAt(FAMILY_BEFORE, text, from, start)) {
            return ChildCue.FAMILY;
        }
        if (endsAt(BIRTH_BEFORE, text, from, start)) {
            return ChildCue.BIRTH;
        }
        if (childsOwnWords && (endsAt(SELF_BEFORE, text, from, start)
                || (endsAt(SIGN_OFF_BEFORE, text, from, start) && END.matcher(text).region(end, n).matches()))) {
            return ChildCue.SELF;
        }
        return null;
    }

    private static boolean age(String text, int end, int to) {
        Matcher m = AGE_AFTER.matcher(text).region(end, to).useTransparentBounds(true);
        if (!m.lookingAt()) {
            return false;
        }
        int years = Integer.parseInt(m.group("n"));
        String unit = m.group("unit") == null ? "" : m.group("unit").strip().toLowerCase();
        boolean old = m.group("old") != null || unit.startsWith("yo") || unit.startsWith("y/o") || unit.startsWith("y.o")
                || unit.endsWith("/o");
        boolean closed = m.group("close") != null;
        boolean joined = m.group("conn").strip().length() > 0 || m.group("verb") != null;
        if (unit.startsWith("m") || unit.startsWith("w") || unit.startsWith("d")) {
            // Months, weeks and days are a baby's or a toddler's age; "2 days a week" and "3 weeks into post" are not.
            return (old || closed) && years <= 60;
        }
        if (years > 18) {
            return false;
        }
        if (m.group("aged") != null || old) {
            return true;
        }
        // "Zara, 6," and "Daniel (14)": a bare number needs the comma or bracket around it; "12 years in post" does not count.
        return closed && (joined || !unit.isEmpty());
    }

    private static boolean schoolYear(String text, int end, int to) {
        Matcher m = SCHOOL_YEAR_AFTER.matcher(text).region(end, to).useTransparentBounds(true);
        if (!m.lookingAt()) {
            return false;
        }
        String y = m.group("y") != null ? m.group("y") : m.group("y2");
        return y == null || (Integer.parseInt(y) >= 1 && Integer.parseInt(y) <= 13);
    }

    private static boolean lookingAt(Pattern pattern, String text, int from, int to) {
        return pattern.matcher(text).region(from, to).useTransparentBounds(true).lookingAt();
    }

    private static boolean endsAt(Pattern pattern, String text, int from, int to) {
        return pattern.matcher(text).region(from, to).useTransparentBounds(true).find();
    }
}
