package org.canopy.voice.feedback;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.canopy.plan.PlanPriorities;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Demo mode: the annual report's tables of what children, young people and partners said, with its recurring themes.
 * Everything here is the 2020-21 annual report's words; the tags of items to themes and priorities are Canopy's reading
 * (tagged_by 'demo', shown as applied in Canopy), made only where the words plainly name the theme or the subject.
 */
@Component
public class DemoFeedback {

    static final String REPORT = "Tower Hamlets Safeguarding Children Partnership annual report 2020-21";
    static final String ISSUES = "Table: What Children and Young People have said about the issues they are facing";
    static final String SUBJECTS = "Feedback from Children and Young People about the Priority Subjects";
    static final String PARTNERS = "Table: Partners Views on Challenges to Safeguarding";
    static final String ACTOR = "demo";

    /** The report's recurring themes "from the data, children and young people, and the partners", in its words. */
    static final List<String[]> THEMES = List.of(
            new String[] {"Domestic abuse", "The increase of Domestic Abuse and the data showed the increase of severity and complexity within cases."},
            new String[] {"Impact of Covid-19", "Impact of Covid-19 and specifically the challenges around staffing and safeguarding children in a virtual world."},
            new String[] {"Exploitation in all forms", "The increasing risk of exploitation in all forms."},
            new String[] {"How the partnership works and engages",
                "The need to reevaluate how the Safeguarding Children Partnership work and the level of engagement with key stakeholders."},
            new String[] {"Support for partners", "Ensuring the partners are equipped with the right level of support."});

    /** The table's cells in reading order after the "Covid 19 Specific:" label, up to the "General:" label. */
    static final List<String> COVID = List.of(
            "Children and Young People are assumed to have IT skills/ equipment at home. Shared laptops and digital poverty is causing tension in families",
            "Deterioration of mental health and wellbeing, including an increase in self-harm",
            "Feeling isolated",
            "Increase use of social media-including conspiracy theories",
            "Lack of routine, and no places to go",
            "Neglect in relation to screen time in young children which is impacting speech and language, child development.");

    /** The table's cells after the "General:" label. */
    static final List<String> GENERAL = List.of(
            "Increase of smoking and substance misuse as a coping mechanism",
            "Housing issues including overcrowding, no place in the home that is 'their own'/ lack of privacy",
            "They like having a named trusted designated person who they can contact when dealing with practitioners",
            "Parental mental health issues and the impact this has on the children and young people",
            "Increased access to/usage of pornography",
            "Gaming addictions",
            "Exposure to Domestic Abuse",
            "Wanting to feel safe in the community – \"you think you know what it is out there, but you don't\" – quote from a young person",
            "Not feeling safe on the streets including when travelling to school or youth services, specifically the young LGBTQ+ community",
            "Lack of safe spaces and places to go for support",
            "16-18year olds feeling victimised by stop and search from the police",
            "Feeling more support is offered in school than in college and finding that transition difficult (specifically raised in connection to peer on peer crime).");

    static final List<String> PRIORITY_SUBJECTS = List.of(
            "Don't like phone helplines – not personal, robotic and scripted with no rapport, issues have to be repeated multiple times and the advice is generic and the same – it doesn't feel like the person is actually listening",
            "There's a feeling of fatigue with too much time spent online and some want to go back to meeting face to face",
            "Worried about misinformation/conspiracy theories online – how to verify information",
            "Want to hear from people who have been through Domestic Abuse",
            "Want a bank of online resources in a place that is accessible; \"we want to know who to go to and how to get help for ourselves and friends\"",
            "There's a presumption that all young people have devices to access the internet",
            "There is an assumption that everyone is on/wants to be on social media and some feel pressured to join certain sites to fit in",
            "Advice needed for parents and carers – in terms of gaming especially - adults are not aware what is happening online",
            "Want to know where to get information if worried about friends/how to spot signs of Domestic Abuse",
            "Want to hear from peers or people who have real life experiences of the issues – this is the best deterrent",
            "Want a system of rewarding and listening to and believing courageous reporting",
            "Social media can be positive, and we shouldn't focus only on the dangers",
            "Aware of campaigns such as Ask for Ani and Ask for Angela aimed at adults and would like similar for instance in youth centres/schools",
            "Mental Health is impacted by and impacts on all safeguarding issues",
            "Want to better understand the reasons for issues eg county lines in order to make better informed choices",
            "Issues are different for boys and girls – for girls sending 'nudes' is a reality – want more information on the law/rights and the consequences earlier. Girls are also navigating a system where they are blamed/shamed for sending indecent images if they are widely distributed, but often do not see their male counterparts facing repercussions for distributing. Girls told \"you shouldn't have sent them in the first place\"",
            "Want advice/support/education which is age appropriate. Feel that education on safeguarding topics happens too late in schools \"we're already dealing with it when it's first introduced in school\"",
            "Want more information about consequences of gang involvement and advice on alternatives sooner (both in terms of at a younger age and prior to getting involved)");

    /** The 25 cells of the partners' table, row by row. */
    static final List<String> PARTNER_VIEWS = List.of(
            "Lack of multi-agency training", "Serious Youth Violence and the joint up approach", "Young people are avoidant of Sexual Health Clinics",
            "Safeguarding Adolescence, greater need for pre-statutory services", "Increase in Domestic Abuse",
            "Increase in Vulnerability of Women", "Food poverty", "Families declining contact with health visitors and other professionals",
            "Impact of Mental Health Issues of parents on their children", "Information sharing between partners and a need for more joined up working",
            "Earlier intervention needed", "The long term impact of Covid on this generation of children and young people",
            "How to safeguard in an increasingly virtual world", "Safeguarding home educated children and young people",
            "A need for a space for free flowing dialogue between partners",
            "Reduced staffing (due to both Covid and funding)", "Increased risk of hidden harm and exploitation", "Poverty",
            "Parents/ Guardians not having the right information to keep c/yp safe whilst online", "Continuous new street drugs coming on to the market",
            "Communication between partners", "Ensuring the right people are invited to meetings", "Need for a clear focus point to go to for advice and support",
            "Need for transparency in discussions and decision making", "Clearer referral processes are needed");

    /** Canopy's reading: the partners' views whose words plainly name one of the recurring themes. */
    static final Map<String, String> PARTNER_THEMES = Map.ofEntries(
            Map.entry("Increase in Domestic Abuse", "Domestic abuse"),
            Map.entry("The long term impact of Covid on this generation of children and young people", "Impact of Covid-19"),
            Map.entry("How to safeguard in an increasingly virtual world", "Impact of Covid-19"),
            Map.entry("Reduced staffing (due to both Covid and funding)", "Impact of Covid-19"),
            Map.entry("Increased risk of hidden harm and exploitation", "Exploitation in all forms"),
            Map.entry("Information sharing between partners and a need for more joined up working", "How the partnership works and engages"),
            Map.entry("A need for a space for free flowing dialogue between partners", "How the partnership works and engages"),
            Map.entry("Communication between partners", "How the partnership works and engages"),
            Map.entry("Ensuring the right people are invited to meetings", "How the partnership works and engages"),
            Map.entry("Need for transparency in discussions and decision making", "How the partnership works and engages"),
            Map.entry("Lack of multi-agency training", "Support for partners"),
            Map.entry("Need for a clear focus point to go to for advice and support", "Support for partners"));

    static final String PPE = "Young people reported that the PPE used in mental health settings could be intimidating.";
    static final String PPE_DONE = "The THSCP challenged the mental health teams on the level of PPE used for meetings with children and young people "
            + "and ensured staff remained protected and young people felt more comfortable in mental health settings.";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PlanPriorities plans;

    DemoFeedback(JdbcClient jdbc, Clock clock, PlanPriorities plans) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.plans = plans;
    }

    /** Adds the demo feedback log and themes. */
    public void load(long partnershipId) {
        var now = LocalDateTime.now(clock);
        var themes = new HashMap<String, Long>();
        for (var t : THEMES) {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into feedback_theme (partnership_id, name, description, source_note, created_by, created_at) values (?, ?, ?, ?, ?, ?)""")
                    .params(partnershipId, t[0], t[1], "One of the recurring themes \"from the data, children and young people, and the partners\" ("
                            + REPORT + ", Partners Views on Challenges to Safeguarding)", ACTOR, now)
                    .update(keys, "id");
            themes.put(t[0], keys.getKey().longValue());
        }
        String childrenWhen = "During 2020-21 (the report gives no closer date)";
        for (var words : COVID) {
            long id = item(partnershipId, words, "ENGAGEMENT_GROUP", "CHILD_OR_YOUNG_PERSON", childrenWhen, ISSUES + " (Covid-19 specific)", now);
            tag(id, themes.get("Impact of Covid-19"), now);
        }
        for (var words : GENERAL) {
            long id = item(partnershipId, words, "ENGAGEMENT_GROUP", "CHILD_OR_YOUNG_PERSON", childrenWhen, ISSUES + " (general)", now);
            if (words.contains("Domestic Abuse")) {
                tag(id, themes.get("Domestic abuse"), now);
            }
        }
        for (var words : PRIORITY_SUBJECTS) {
            long id = item(partnershipId, words, "ENGAGEMENT_GROUP", "CHILD_OR_YOUNG_PERSON", childrenWhen, SUBJECTS, now);
            if (words.contains("Domestic Abuse")) {
                tag(id, themes.get("Domestic abuse"), now);
            }
        }
        for (var words : PARTNER_VIEWS) {
            long id = item(partnershipId, words, "PRIORITY_SETTING", "PARTNER", "November and December 2020 (priority setting)", PARTNERS, now);
            if (PARTNER_THEMES.containsKey(words)) {
                tag(id, themes.get(PARTNER_THEMES.get(words)), now);
            }
        }
        // The one thing the report says was done in answer to what young people reported (its table of Covid-19 risks).
        long ppe = item(partnershipId, PPE, "RISK_MEETING", "CHILD_OR_YOUNG_PERSON",
                "Raised at the partnership's fortnightly risk meetings, March to July 2020 (the report gives no closer date)",
                "Table: Impact of the Covid-19 Pandemic on Safeguarding Children, a snapshot of some risks that were raised", now);
        tag(ppe, themes.get("Impact of Covid-19"), now);
        jdbc.sql("""
                insert into feedback_response (partnership_id, feedback_id, done, done_by, evidence, children_told, published, plain_words,
                    recorded_by, recorded_at) values (?, ?, ?, ?, ?, false, true, ?, ?, ?)""")
                .params(partnershipId, ppe, PPE_DONE, "The Tower Hamlets Safeguarding Children Partnership (THSCP)",
                        REPORT + ", Impact of the Covid-19 Pandemic on Safeguarding Children: \"How the THSCP responded\"",
                        "Young people told us the PPE (masks and protective clothing) used in mental health settings could be intimidating. "
                                + "We challenged the mental health teams on the PPE used in meetings with children and young people, so that staff "
                                + "stayed protected and young people felt more comfortable.",
                        ACTOR, now)
                .update();
    }

    /** Links the demo feedback and themes to the 2021 priorities made by the priority-setting round. */
    public void linkPriorities(long partnershipId) {
        Long abuse = null;
        Long online = null;
        Long exploitation = null;
        for (var p : plans.priorities(partnershipId)) {
            String title = p.title().toLowerCase(Locale.UK);
            if (abuse == null && title.startsWith("domestic abuse")) {
                abuse = p.id();
            } else if (online == null && title.contains("safe online")) {
                online = p.id();
            } else if (exploitation == null && title.contains("all age exploitation")) {
                exploitation = p.id();
            }
        }
        var now = LocalDateTime.now(clock);
        var items = jdbc.sql("select id, words from feedback where partnership_id = ? and context = ?").params(partnershipId, SUBJECTS)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
        for (var item : items) {
            String words = item.getValue().toLowerCase(Locale.UK);
            if (abuse != null && words.contains("domestic abuse")) {
                linkItem(item.getKey(), abuse, now);
            }
            if (online != null && words.contains("online")) {
                linkItem(item.getKey(), online, now);
            }
            if (exploitation != null && words.contains("exploitation")) {
                linkItem(item.getKey(), exploitation, now);
            }
        }
        linkTheme(partnershipId, "Domestic abuse", abuse, now);
        linkTheme(partnershipId, "Exploitation in all forms", exploitation, now);
    }

    private void linkItem(long item, long priority, LocalDateTime now) {
        jdbc.sql("insert into feedback_priority (feedback_id, priority_id, tagged_by, tagged_at) values (?, ?, ?, ?)")
                .params(item, priority, ACTOR, now).update();
    }

    private void linkTheme(long partnershipId, String name, Long priority, LocalDateTime now) {
        if (priority == null) {
            return;
        }
        jdbc.sql("""
                insert into feedback_theme_priority (theme_id, priority_id, tagged_by, tagged_at)
                select id, ?, ?, ? from feedback_theme where partnership_id = ? and name = ?""")
                .params(priority, ACTOR, now, partnershipId, name).update();
    }

    private long item(long partnershipId, String words, String source, String speaker, String when, String context, LocalDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into feedback (partnership_id, words, own_words, source, speaker, age_band, heard_in, heard_when, context, recorded_by, recorded_at)
                values (?, ?, false, ?, ?, 'NOT_GIVEN', '2020-21', ?, ?, ?, ?)""")
                .params(partnershipId, words, source, speaker, when, context.length() > 300 ? context.substring(0, 300) : context, ACTOR, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private void tag(long item, long theme, LocalDateTime now) {
        jdbc.sql("insert into feedback_theme_tag (feedback_id, theme_id, tagged_by, tagged_at) values (?, ?, ?, ?)")
                .params(item, theme, ACTOR, now).update();
    }
}
