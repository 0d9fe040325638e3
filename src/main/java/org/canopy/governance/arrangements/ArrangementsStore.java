package org.canopy.governance.arrangements;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The arrangements' tables: versions, their lead partners and the agencies they include. */
@Repository
class ArrangementsStore {

    /** A version of the arrangements as stored. */
    record Version(long id, int number, String workingTogether, String scrutiny, String funding, String thresholdLink,
            String sourceNote, LocalDate describedOn, LocalDate reviewOn, LocalDate publishedOn, String recordedBy,
            LocalDateTime recordedAt) {

        /** The day the version speaks of: its own stated day, else its publication, else the day it was recorded. */
        LocalDate ownDay() {
            return describedOn != null ? describedOn : publishedOn != null ? publishedOn : recordedAt.toLocalDate();
        }
    }

    /** A lead safeguarding partner of a version, with its delegate and sign-off. */
    record Lead(long id, LeadRole role, long agencyId, String leadName, String delegateName, String delegateRole,
            String delegateSource, LocalDate signedOffOn, String signedOffBy, LocalDateTime signedOffAt, int version) {
    }

    private final JdbcClient jdbc;

    ArrangementsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String VERSION = """
            select id, version_number, working_together, scrutiny, funding, threshold_link, source_note, described_on,
                   review_on, published_on, recorded_by, recorded_at from arrangements_version""";

    List<Version> versions(long partnershipId) {
        return jdbc.sql(VERSION + " where partnership_id = ? order by version_number desc").param(partnershipId)
                .query(ArrangementsStore::version).list();
    }

    Optional<Version> version(long partnershipId, int number) {
        return jdbc.sql(VERSION + " where partnership_id = ? and version_number = ?").params(partnershipId, number)
                .query(ArrangementsStore::version).optional();
    }

    Optional<Version> current(long partnershipId) {
        return versions(partnershipId).stream().findFirst();
    }

    List<Lead> leads(long partnershipId, long arrangementsId) {
        return jdbc.sql("""
                select id, lead_role, agency_id, lead_name, delegate_name, delegate_role, delegate_source, signed_off_on,
                       signed_off_by, signed_off_at, version from arrangements_lead_partner
                where partnership_id = ? and arrangements_id = ?""").params(partnershipId, arrangementsId)
                .query((rs, n) -> new Lead(rs.getLong(1), LeadRole.valueOf(rs.getString(2)), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class), rs.getString(9),
                        rs.getObject(10, LocalDateTime.class), rs.getInt(11)))
                .list().stream().sorted(java.util.Comparator.comparing(Lead::role)).toList();
    }

    List<Long> agencyIds(long partnershipId, long arrangementsId) {
        return jdbc.sql("select agency_id from arrangements_agency where partnership_id = ? and arrangements_id = ? order by agency_id")
                .params(partnershipId, arrangementsId).query(Long.class).list();
    }

    /** The partnerships that have published arrangements, for the public page. */
    List<Long> partnershipsWithArrangements() {
        return jdbc.sql("select distinct partnership_id from arrangements_version order by partnership_id").query(Long.class).list();
    }

    long insertVersion(long partnershipId, Version v) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into arrangements_version (partnership_id, version_number, working_together, scrutiny, funding,
                    threshold_link, source_note, described_on, review_on, published_on, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(partnershipId, v.number(), v.workingTogether(), v.scrutiny(), v.funding(), v.thresholdLink(),
                        v.sourceNote(), v.describedOn(), v.reviewOn(), v.publishedOn(), v.recordedBy(), v.recordedAt())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertLead(long partnershipId, long arrangementsId, Lead l) {
        jdbc.sql("""
                insert into arrangements_lead_partner (partnership_id, arrangements_id, lead_role, agency_id, lead_name,
                    delegate_name, delegate_role, delegate_source) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(partnershipId, arrangementsId, l.role().name(), l.agencyId(), l.leadName(), l.delegateName(),
                        l.delegateRole(), l.delegateSource()).update();
    }

    void insertAgencies(long partnershipId, long arrangementsId, List<Long> agencyIds) {
        for (long agencyId : agencyIds) {
            jdbc.sql("insert into arrangements_agency (arrangements_id, partnership_id, agency_id) values (?, ?, ?)")
                    .params(arrangementsId, partnershipId, agencyId).update();
        }
    }

    /** Records a lead partner's sign-off; false when someone else changed the row since {@code version}. */
    boolean signOff(long partnershipId, long leadId, int version, LocalDate on, String by, LocalDateTime at) {
        return jdbc.sql("""
                update arrangements_lead_partner set signed_off_on = ?, signed_off_by = ?, signed_off_at = ?, version = version + 1
                where partnership_id = ? and id = ? and version = ?""")
                .params(on, by, at, partnershipId, leadId, version).update() > 0;
    }

    Map<String, Object> snapshot(long partnershipId, Version v) {
        var map = new HashMap<String, Object>();
        map.put("version", v);
        map.put("leads", leads(partnershipId, v.id()));
        map.put("agencyIds", agencyIds(partnershipId, v.id()));
        return map;
    }

    private static Version version(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Version(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class),
                rs.getObject(10, LocalDate.class), rs.getString(11), rs.getObject(12, LocalDateTime.class));
    }
}
