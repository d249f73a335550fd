package org.secure2fa.console.app.activity;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.omnifaces.util.Messages;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.secure2fa.audit.boundary.ActivityDay;
import org.secure2fa.audit.boundary.ActivityEvent;
import org.secure2fa.audit.boundary.ActivityFilter;
import org.secure2fa.audit.boundary.ActivityService;
import org.secure2fa.console.faces.Actions;
import org.secure2fa.console.faces.ConsoleSession;
import org.secure2fa.console.faces.Texts;
import org.secure2fa.project.boundary.ProjectService;
import org.secure2fa.project.boundary.ProjectView;

/**
 * A project's activity: the generate/verify events, loaded a page at a time with the filters applied in
 * the database, and the codes generated against codes verified per day with the conversion rate.
 */
@Named
@ViewScoped
public class ActivityBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int DAYS = 14;
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    ActivityService activity;

    @Inject
    ProjectService projects;

    @Inject
    ConsoleSession session;

    private Long project;
    private ProjectView view;
    private String kind;
    private String outcome;
    private String recipient;
    private List<ActivityDay> days;
    private final Events events = new Events();

    /** The table's rows, fetched per page. */
    public class Events extends LazyDataModel<ActivityEvent> {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, activity.count(session.getAccountId(), project, filter()));
        }

        @Override
        public List<ActivityEvent> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return activity.events(session.getAccountId(), project, filter(), first, pageSize);
        }

        @Override
        public String getRowKey(ActivityEvent event) {
            return event.kind() + event.at();
        }
    }

    public void load() {
        if (project == null) {
            Messages.addGlobalError("bean.project.not-found");
            return;
        }
        view = Actions.attempt(() -> projects.get(session.getAccountId(), project));
        if (view != null) {
            days = activity.daily(session.getAccountId(), project, DAYS);
        }
    }

    public void applyFilters() {
        // the table reloads with the new filter values
    }

    public long getGenerated() {
        return days == null ? 0 : days.stream().mapToLong(ActivityDay::generated).sum();
    }

    public long getVerified() {
        return days == null ? 0 : days.stream().mapToLong(ActivityDay::verified).sum();
    }

    public int getConversionPercent() {
        long generated = getGenerated();
        return generated == 0 ? 0 : (int) Math.round(100.0 * getVerified() / generated);
    }

    /** The chart as a Chart.js configuration: bars for generated and verified, a line for the rate. */
    public String getChart() {
        JsonArrayBuilder labels = JSON.createArrayBuilder();
        JsonArrayBuilder generated = JSON.createArrayBuilder();
        JsonArrayBuilder verified = JSON.createArrayBuilder();
        JsonArrayBuilder rate = JSON.createArrayBuilder();
        for (ActivityDay day : days == null ? List.<ActivityDay>of() : days) {
            labels.add(day.day().toString().substring(5));
            generated.add(day.generated());
            verified.add(day.verified());
            if (day.generated() == 0) {
                rate.addNull(); // no codes, no rate: a gap in the line, not a 0 %
            } else {
                rate.add(day.conversionPercent());
            }
        }
        return JSON.createObjectBuilder()
                .add("type", "bar")
                .add("data", JSON.createObjectBuilder()
                        .add("labels", labels)
                        .add("datasets", JSON.createArrayBuilder()
                                .add(JSON.createObjectBuilder().add("label", Texts.of("bean.activity.chart.generated")).add("data", generated)
                                        .add("backgroundColor", "#64b5f6").add("yAxisID", "y"))
                                .add(JSON.createObjectBuilder().add("label", Texts.of("bean.activity.chart.verified")).add("data", verified)
                                        .add("backgroundColor", "#66bb6a").add("yAxisID", "y"))
                                .add(JSON.createObjectBuilder().add("type", "line").add("label", Texts.of("bean.activity.chart.conversion"))
                                        .add("data", rate).add("borderColor", "#ef6c00").add("yAxisID", "rate")
                                        .add("spanGaps", false))))
                .add("options", JSON.createObjectBuilder()
                        .add("animation", false)
                        .add("maintainAspectRatio", false)
                        .add("scales", JSON.createObjectBuilder()
                                .add("y", JSON.createObjectBuilder().add("beginAtZero", true)
                                        .add("ticks", JSON.createObjectBuilder().add("precision", 0)))
                                .add("rate", JSON.createObjectBuilder().add("position", "right").add("min", 0)
                                        .add("max", 100))))
                .build().toString();
    }

    /** An event's kind, outcome or delivery status in words; an unknown value as it is. */
    public String words(String value) {
        return value == null ? "" : Texts.find("bean.activity." + value).orElse(value);
    }

    private ActivityFilter filter() {
        return new ActivityFilter(kind, outcome, recipient);
    }

    public Long getProject() { return project; }
    public void setProject(Long project) { this.project = project; }
    public ProjectView getView() { return view; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
    public String getRecipient() { return recipient; }
    public void setRecipient(String recipient) { this.recipient = recipient; }
    public int getDayCount() { return DAYS; }
    public Events getEvents() { return events; }
}
