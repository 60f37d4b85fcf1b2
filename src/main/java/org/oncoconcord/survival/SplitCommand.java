package org.oncoconcord.survival;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.oncoconcord.core.CommonOptions;
import org.oncoconcord.core.UserException;
import org.oncoconcord.core.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code survival split}: one row per patient to counting-process (start, stop] rows with
 * time-dependent covariates that switch on at a per-patient time, as R's
 * {@code tmerge(d, d, id, event = event(time, status), x = tdc(change, x, 0))}: a patient whose
 * change time falls inside follow-up gets (0, change] with the covariates at 0 and no event, then
 * (change, time] with their values and the event; a change at or before 0 applies from the start;
 * a missing change time, or one at or after the end of follow-up, leaves one row with the
 * covariates at 0.
 */
@Command(name = "split", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Counting-process (start, stop] rows with time-dependent covariates switching on at a per-patient time "
                + "(R: tmerge tdc), for 'survival cox --start tstart --time tstop'.")
public final class SplitCommand implements Callable<Integer> {
    /** This run's outputs, written all or none at the end. */
    private final Outputs outputs = new Outputs();

    @Mixin
    CommonOptions common;

    @Option(names = "--data", required = true, description = "One row per patient: CSV, or TSV when named .tsv/.txt/.tab.")
    Path data;

    @Option(names = "--time", required = true, description = "Follow-up time column.")
    String time;

    @Option(names = "--event", required = true, description = "Event column (1 event, 0 censored): set on the last interval only.")
    String event;

    @Option(names = "--change", required = true, description = "Column of the time at which the --tdc covariates take their value "
            + "(e.g. metastasis_days); missing = never.")
    String change;

    @Option(names = "--tdc", required = true, split = ",", description = "Time-dependent covariate columns: 0 before the change time, their value from it on.")
    List<String> tdc = new ArrayList<>();

    @Option(names = "--id", description = "Patient column (default: 'patient').")
    String id;

    @Option(names = "--out", required = true, description = "Output folder: split.tsv, rejects.tsv, split.json.")
    Path out;

    @Override
    public Integer call() {
        DataTable t = DataTable.read(data);
        String idCol = id != null ? id : "patient";
        t.column(idCol);
        t.column(change);
        for (String c : tdc) {
            t.column(c);
            if (c.equals(time) || c.equals(event) || c.equals(change)) {
                throw new UserException("--tdc " + c + ": cannot be the time, event or change column");
            }
        }
        List<String> header = new ArrayList<>(t.names());
        header.add("tstart");
        header.add("tstop");
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> rejects = new ArrayList<>();
        int split = 0;
        for (int i = 0; i < t.rows(); i++) {
            double ti = t.number(time, i);
            double ei = t.number(event, i);
            double ci = t.number(change, i);
            if (Double.isNaN(ti) || Double.isNaN(ei)) {
                rejects.add(List.of(String.valueOf(t.line(i)), t.cell(idCol, i), "missing " + (Double.isNaN(ti) ? time : event)));
                continue;
            }
            if (ti <= 0) {
                rejects.add(List.of(String.valueOf(t.line(i)), t.cell(idCol, i), time + " <= 0: no interval at risk"));
                continue;
            }
            if (ei != 0 && ei != 1) {
                throw new UserException(data + " line " + t.line(i) + ": column '" + event + "' must be 0 or 1, found '" + t.cell(event, i) + "'");
            }
            boolean before = Double.isNaN(ci) || ci >= ti; // never switches on during follow-up
            boolean fromStart = !before && ci <= 0;
            if (before || fromStart) {
                rows.add(row(t, i, 0, ti, t.cell(event, i), !fromStart));
            } else {
                rows.add(row(t, i, 0, ci, "0", true));
                rows.add(row(t, i, ci, ti, t.cell(event, i), false));
                split++;
            }
        }
        outputs.tsv(out.resolve("split.tsv"), header, rows);
        outputs.tsv(out.resolve("rejects.tsv"), List.of("line", "id", "reason"), rejects);
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("rows_read", t.rows());
        j.put("patients_written", t.rows() - rejects.size());
        j.put("patients_split", split);
        j.put("rows_written", rows.size());
        j.put("rejected", rejects.size());
        j.put("change", change);
        j.put("tdc", tdc);
        outputs.json(out.resolve("split.json"), j);
        if (!common.quiet()) {
            System.err.printf("[oncoconcord] survival split: %d patients, %d split at %s, %d rows written, %d rejected (rejects.tsv)%n",
                    t.rows(), split, change, rows.size(), rejects.size());
        }
        outputs.commit();
        return 0;
    }

    /** The patient's row with (start, stop], its event cell, and the tdc columns at 0 when {@code zeroTdc}. */
    private List<String> row(DataTable t, int i, double start, double stop, String eventCell, boolean zeroTdc) {
        List<String> r = new ArrayList<>();
        for (String c : t.names()) {
            String v = t.cell(c, i);
            if (c.equals(event)) {
                v = eventCell;
            } else if (zeroTdc && tdc.contains(c)) {
                v = "0";
            }
            r.add(v.isEmpty() ? "NA" : v);
        }
        r.add(Output.num(start));
        r.add(Output.num(stop));
        return r;
    }
}
