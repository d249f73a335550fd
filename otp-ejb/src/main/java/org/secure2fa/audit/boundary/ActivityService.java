package org.secure2fa.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.secure2fa.account.control.Tenancy;
import org.secure2fa.project.entity.Project;

/**
 * A project's generate and verify events for the activity table, and codes generated against codes
 * verified per day (UTC). Events come from the challenges themselves (every code generated, every code
 * verified) and from the audit log (every refused call, with the masked recipient where the call reached a
 * known user's code), so nothing extra is written on the hot path.
 */
@Stateless
public class ActivityService {

    private static final long DAY_MS = 86_400_000L;
    private static final String EVENTS = """
            select c.created_at as at, 'GENERATE' as kind, c.recipient_masked as recipient,
                   case when c.template_request then 'RENDERED' else 'SENT' end as outcome,
                   (select max(d.status) from delivery d where d.challenge_id = c.id) as delivery_status,
                   c.ip_address as ip, 1 as src, c.id as id
              from challenge c where c.project_id = ?1
            union all
            select c.verified_at, 'VERIFY', c.recipient_masked, 'VERIFIED', null, null, 2, c.id
              from challenge c where c.project_id = ?1 and c.verified_at is not null
            union all
            select a.at, a.action, a.detail, a.outcome, null, a.ip_address, 3, a.id
              from audit_event a where a.project_id = ?1 and a.account_id is null and a.action in ('GENERATE', 'VERIFY')
            """;
    /** The events' order, newest first; (at, src, id) is unique, so a cursor names one place in it. */
    private static final String NEWEST_FIRST = " order by e.at desc, e.src desc, e.id desc";
    @PersistenceContext(unitName = "otp")
    EntityManager em;

    @Inject
    Tenancy tenancy;

    /** One page of the matching events, newest first. */
    public List<ActivityEvent> events(long accountId, long projectId, ActivityFilter filter, int first, int pageSize) {
        requireOwned(accountId, projectId);
        // the page in the SQL itself: EclipseLink's own paging of a native query over this union fails on H2
        // for any page but the first ("Invalid value for parameter rows")
        Query rows = filtered("select e.at, e.kind, e.recipient, e.outcome, e.delivery_status, e.ip", projectId, filter,
                NEWEST_FIRST + " limit " + Math.min(Math.max(1, pageSize), 200) + " offset " + Math.max(0, first), null);
        List<ActivityEvent> events = new ArrayList<>();
        for (Object row : rows.getResultList()) {
            events.add(event((Object[]) row));
        }
        return events;
    }

    /**
     * Up to {@code limit} matching events after {@code cursor} (null: from the newest), newest first, with
     * the cursor of the next page (null on the last). A cursor stays valid while events are added: it names
     * a place in the order, not an offset.
     */
    public EventPage eventPage(long accountId, long projectId, ActivityFilter filter, String cursor, int limit) {
        requireOwned(accountId, projectId);
        int size = Math.min(Math.max(1, limit), 200);
        Query rows = filtered("select e.at, e.kind, e.recipient, e.outcome, e.delivery_status, e.ip, e.src, e.id",
                projectId, filter, NEWEST_FIRST + " limit " + (size + 1), EventCursor.parse(cursor));
        List<?> result = rows.getResultList();
        List<ActivityEvent> events = new ArrayList<>();
        String next = null;
        for (int i = 0; i < result.size() && i < size; i++) {
            Object[] r = (Object[]) result.get(i);
            events.add(event(r));
            if (i == size - 1 && result.size() > size) {
                next = new EventCursor(((Number) r[0]).longValue(), ((Number) r[6]).intValue(),
                        ((Number) r[7]).longValue()).toString();
            }
        }
        return new EventPage(events, next);
    }

    private static ActivityEvent event(Object[] r) {
        return new ActivityEvent(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5]);
    }

    /** How many events match the filter. */
    public long count(long accountId, long projectId, ActivityFilter filter) {
        requireOwned(accountId, projectId);
        return ((Number) filtered("select count(*)", projectId, filter, "", null).getSingleResult()).longValue();
    }

    private Query filtered(String select, long projectId, ActivityFilter filter, String order, EventCursor after) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter != null && notBlank(filter.kind())) {
            params.add(filter.kind());
            where.append(" and e.kind = ?").append(params.size() + 1);
        }
        if (filter != null && notBlank(filter.outcome())) {
            params.add(filter.outcome());
            where.append(" and e.outcome = ?").append(params.size() + 1);
        }
        if (filter != null && notBlank(filter.recipient())) {
            params.add("%" + filter.recipient().strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
            where.append(" and lower(e.recipient) like ?").append(params.size() + 1);
        }
        if (after != null) {
            params.add(after.at());
            int at = params.size() + 1;
            params.add(after.src());
            int src = params.size() + 1;
            params.add(after.id());
            int id = params.size() + 1;
            where.append(" and (e.at < ?").append(at).append(" or (e.at = ?").append(at).append(" and (e.src < ?")
                    .append(src).append(" or (e.src = ?").append(src).append(" and e.id < ?").append(id).append("))))");
        }
        Query query = em.createNativeQuery(select + " from (" + EVENTS + ") e" + where + order);
        query.setParameter(1, projectId);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 2, params.get(i));
        }
        return query;
    }

    /** The last {@code days} days, oldest first, including days without events. */
    public List<ActivityDay> daily(long accountId, long projectId, int days) {
        requireOwned(accountId, projectId);
        long today = Math.floorDiv(System.currentTimeMillis(), DAY_MS);
        long since = (today - days + 1) * DAY_MS;
        Map<Long, Long> generated = perDay("select c.created_at / 86400000, count(*) from challenge c"
                + " where c.project_id = ?1 and c.created_at >= ?2 group by c.created_at / 86400000", projectId, since);
        Map<Long, Long> verified = perDay("select c.verified_at / 86400000, count(*) from challenge c"
                + " where c.project_id = ?1 and c.verified_at >= ?2 group by c.verified_at / 86400000", projectId, since);
        List<ActivityDay> result = new ArrayList<>();
        for (long day = today - days + 1; day <= today; day++) {
            result.add(new ActivityDay(LocalDate.ofEpochDay(day), generated.getOrDefault(day, 0L), verified.getOrDefault(day, 0L)));
        }
        return result;
    }

    private Map<Long, Long> perDay(String sql, long projectId, long since) {
        Map<Long, Long> counts = new HashMap<>();
        for (Object row : em.createNativeQuery(sql).setParameter(1, projectId).setParameter(2, since).getResultList()) {
            Object[] r = (Object[]) row;
            counts.merge(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), Long::sum);
        }
        return counts;
    }

    private void requireOwned(long accountId, long projectId) {
        tenancy.owned(Project.class, accountId, projectId, "Project");
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
