package org.canopy.data.rounds;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.canopy.data.checks.FigureChecks;
import org.canopy.data.dashboard.DashboardController;
import org.canopy.data.imports.ObservationImport;
import org.canopy.data.observations.DataStore;
import org.canopy.data.observations.DataViews;
import org.canopy.data.observations.ObservationRow;
import org.canopy.partnership.CanopyUser;
import org.canopy.reporting.TableExport;
import org.canopy.web.FormFields;
import org.canopy.web.FieldProblem;
import org.canopy.web.DateInput;
import org.canopy.web.FormSubmission;
import org.canopy.web.InvalidInput;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the submission rounds: open and follow a round, enter or upload an agency's figures, review them. */
@Controller
public class RoundsController {

    private final DataRounds rounds;
    private final DataStore store;

    private final ObservationImport imports;

    RoundsController(DataRounds rounds, DataStore store, ObservationImport imports) {
        this.imports = imports;
        this.rounds = rounds;
        this.store = store;
    }

    @GetMapping("/data/rounds")
    String rounds(@AuthenticationPrincipal CanopyUser user, Model model) {
        model.addAttribute("rounds", rounds.rounds(user.partnershipId()));
        model.addAttribute("due", rounds.dueFrom(user));
        model.addAttribute("today", rounds.today());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "data/rounds";
    }

    @PostMapping("/data/rounds")
    String open(@AuthenticationPrincipal CanopyUser user, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return FormSubmission.on(model).keeping("form", form).submit(() -> {
            var round = rounds.open(user, form.get("period"), DateInput.fromForm(form::get, "dueDate"));
            redirect.addFlashAttribute("success", "Opened the " + round.period() + " round");
            return "redirect:/data/rounds/" + round.id();
        }, () -> rounds(user, model));
    }

    @GetMapping("/data/rounds/{id}")
    String round(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, Model model) {
        var round = rounds.round(user.partnershipId(), id);
        var progress = rounds.progress(round);
        model.addAttribute("round", round);
        model.addAttribute("progress", progress);
        model.addAttribute("late", progress.stream().filter(DataRounds.AgencyProgress::late).toList());
        model.addAttribute("reviewer", rounds.isReviewer(user));
        // Unaccepted figures are private: the page links only the submissions the person may read.
        model.addAttribute("readable", progress.stream().map(p -> p.agency().id())
                .filter(agency -> rounds.mayReadSubmission(user, agency)).toList());
        return "data/round";
    }

    @PostMapping("/data/rounds/{id}/close")
    String close(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, RedirectAttributes redirect) {
        rounds.close(user, id);
        redirect.addFlashAttribute("success", "Closed the round");
        return "redirect:/data/rounds/" + id;
    }

    @PostMapping("/data/rounds/{id}/reminders")
    String remind(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, RedirectAttributes redirect) {
        int reminded = rounds.remindLate(user, id);
        redirect.addFlashAttribute("success", reminded == 0 ? "No late agency has a contributor to remind"
                : "Reminded " + reminded + (reminded == 1 ? " contributor" : " contributors") + " by email (see the outbox)");
        return "redirect:/data/rounds/" + id;
    }

    @GetMapping("/data/rounds/{id}/agencies/{agency}")
    String submission(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @PathVariable long agency, Model model) {
        var submission = rounds.submission(user, id, agency);
        model.addAttribute("submission", submission);
        boolean editable = DataRounds.maySubmitFor(user, agency) && submission.round().open()
                && submission.status() != DataRounds.Status.SUBMITTED && submission.status() != DataRounds.Status.ACCEPTED;
        model.addAttribute("editable", editable);
        model.addAttribute("reviewer", rounds.isReviewer(user) && submission.status() == DataRounds.Status.SUBMITTED);
        model.addAttribute("late", submission.lateOn(rounds.today()));
        if (!model.containsAttribute("entries")) {
            var entries = new HashMap<String, FigureChecks.Entry>();
            submission.lines().forEach(l -> entries.put(l.indicator().code(), new FigureChecks.Entry(l.shownValue(), l.narrative())));
            model.addAttribute("entries", entries);
            model.addAttribute("overallNarrative", submission.overallNarrative());
            model.addAttribute("version", submission.version());
        }
        return "data/submission";
    }

    @PostMapping("/data/rounds/{id}/agencies/{agency}")
    String save(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @PathVariable long agency,
            @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        var submission = rounds.submission(user, id, agency);
        var entries = new HashMap<String, FigureChecks.Entry>();
        submission.lines().forEach(l -> entries.put(l.indicator().code(), new FigureChecks.Entry(
                form.get(l.indicator().code() + "-value"), form.get(l.indicator().code() + "-narrative"))));
        boolean submitting = "submit".equals(form.get("action"));
        int version = FormFields.version(form.get("version"));
        return FormSubmission.on(model).keeping("entries", entries).keeping("overallNarrative", form.get("overallNarrative"))
                .keeping("version", version).conflictOn("overallNarrative").submit(() -> {
                    rounds.save(user, id, agency, entries, form.get("overallNarrative"), submitting, version);
                    redirect.addFlashAttribute("success", submitting
                            ? "Your figures were submitted for review by the quality assurance group" : "Your draft was saved");
                    return "redirect:/data/rounds/" + id + "/agencies/" + agency;
                }, () -> submission(user, id, agency, model));
    }

    /** Fills the agency's draft from a CSV or Excel file: every row checked, all stored or none. */
    @PostMapping("/data/rounds/{id}/agencies/{agency}/upload")
    String upload(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @PathVariable long agency,
            @RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "-1") String version, Model model,
            RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        if (!DataRounds.maySubmitFor(user, agency)) {
            throw new AccessDeniedException("Only the agency's contributors and the administrator submit its figures");
        }
        var submission = rounds.submission(user, id, agency);
        // Every problem of an upload is about the file: the summary links to the file input.
        return DashboardController.refusedAs400(response, FormSubmission.on(model).problemsOn("file").conflictOn("file").submit(() -> {
            if (file == null || file.isEmpty()) {
                throw new InvalidInput("file", "Choose the CSV or Excel file of figures to upload");
            }
            String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase();
            var rows = imports.readFile(name, file.getInputStream());
            var entries = entriesFromRows(submission, rows);
            rounds.save(user, id, agency, entries, submission.overallNarrative(), false, FormFields.version(version));
            redirect.addFlashAttribute("success", "Uploaded " + rows.size() + (rows.size() == 1 ? " figure" : " figures")
                    + " into your draft: check them, add the narratives and submit");
            return "redirect:/data/rounds/" + id + "/agencies/" + agency;
        }, () -> submission(user, id, agency, model)));
    }

    /** The rows of an uploaded file as entries of the submission; rows for other indicators or periods are refused. */
    static Map<String, FigureChecks.Entry> entriesFromRows(DataRounds.Submission submission, List<ObservationRow> rows) {
        var requested = new HashMap<String, DataViews.Indicator>();
        submission.lines().forEach(l -> requested.put(l.indicator().code(), l.indicator()));
        var problems = new ArrayList<FieldProblem>();
        var entries = new LinkedHashMap<String, FigureChecks.Entry>();
        submission.lines().forEach(l -> entries.put(l.indicator().code(), new FigureChecks.Entry(l.shownValue(), l.narrative())));
        if (rows.isEmpty()) {
            throw new InvalidInput("file", "The file has no rows of figures");
        }
        for (var row : rows) {
            String code = row.indicator() == null ? "" : row.indicator().trim();
            if (!requested.containsKey(code)) {
                problems.add(new FieldProblem("file", "The " + submission.round().period() + " round does not ask "
                        + submission.agency().name() + " for '" + code + "'", row.row()));
                continue;
            }
            String period = row.period() == null ? "" : row.period().trim();
            if (!period.isEmpty() && !period.equals(submission.round().period())) {
                problems.add(new FieldProblem("file", "The period must be " + submission.round().period() + " (or empty), not '"
                        + period + "'", row.row()));
                continue;
            }
            entries.put(code, new FigureChecks.Entry(row.value(), row.narrative()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return entries;
    }

    /** A template of the figures the round asks of the agency, to fill in and upload. */
    @GetMapping("/data/rounds/{id}/agencies/{agency}/template.{format:csv|xlsx}")
    void template(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @PathVariable long agency,
            @PathVariable String format, HttpServletResponse response) throws IOException {
        if (!DataRounds.maySubmitFor(user, agency)) {
            throw new AccessDeniedException("Contributors download their own agency's template");
        }
        var submission = rounds.submission(user, id, agency);
        var home = store.homeArea(user.partnershipId()).map(DataViews.Area::name).orElse("");
        List<List<Object>> rows = submission.lines().stream()
                .map(l -> List.<Object>of(l.indicator().code(), submission.round().period(), home, l.shownValue(),
                        l.narrative() == null ? "" : l.narrative()))
                .toList();
        String title = submission.agency().name() + " " + submission.round().period();
        DashboardController.download(response, new TableExport.Table(title, ObservationImport.HEADER, rows), format);
    }

    @PostMapping("/data/rounds/{id}/agencies/{agency}/review")
    String review(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @PathVariable long agency,
            @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        boolean accept = "accept".equals(form.get("decision"));
        return FormSubmission.on(model).keeping("comment", form.get("comment")).conflictOn("decision").submit(() -> {
            if (!"accept".equals(form.get("decision")) && !"return".equals(form.get("decision"))) {
                throw new InvalidInput("decision", "Choose whether to accept the figures or return them");
            }
            rounds.review(user, id, agency, accept, form.get("comment"), FormFields.version(form.get("version")));
            redirect.addFlashAttribute("success", accept ? "Accepted: the figures are on the dashboard"
                    : "Returned to the agency with your comment");
            return "redirect:/data/rounds/" + id;
        }, () -> submission(user, id, agency, model));
    }
}
