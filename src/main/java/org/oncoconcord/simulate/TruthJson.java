package org.oncoconcord.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oncoconcord.core.VersionProvider;
import org.oncoconcord.simulate.CohortSimulator.SimulatedCohort;
import org.oncoconcord.simulate.Planted.Call;
import org.oncoconcord.simulate.Planted.Detection;
import org.oncoconcord.simulate.Planted.Patient;
import org.oncoconcord.simulate.Planted.Sample;
import org.oncoconcord.simulate.Planted.TumourVariant;

/**
 * Builds {@code truth.json}: every planted parameter, cohort-level expected values (per-gene
 * concordance, plasma sensitivity, log-HRs) and, per patient, each variant in normalized form with
 * where it truly is (primary, metastasis, plasma, shared, new in the metastasis, CH) and each
 * sample's file style and artefact calls.
 */
final class TruthJson {
    /** The planted consequence: transcript gene, SO term and HGVSp_Short (null outside genes; no HGVSp off the CDS). */
    private static void effect(ObjectNode v, CodingPlanter.Effect e) {
        if (e == null) {
            return;
        }
        v.put("transcript_gene", e.gene());
        v.put("consequence", e.consequence());
        if (e.hgvspShort() != null) {
            v.put("hgvsp_short", e.hgvspShort());
        }
    }

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private TruthJson() {
    }

    static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper();
        m.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        return m;
    }

    static ObjectNode build(SimulatedCohort c, Map<String, String> files) {
        return build(c, files, Map.of());
    }

    /** With {@code bams}: per sample id its BAM file and planted read counts per site. */
    static ObjectNode build(SimulatedCohort c, Map<String, String> files, Map<String, StudyWriter.SampleBam> bams) {
        return build(c, files, bams, Map.of());
    }

    /**
     * With caller misses ({@code missed}: per sample id the calls left out of its VCF): each tissue sample with a BAM
     * lists them ({@code missed_by_caller}) and each missed variant names the samples ({@code missed_by_caller}).
     */
    static ObjectNode build(SimulatedCohort c, Map<String, String> files, Map<String, StudyWriter.SampleBam> bams,
                            Map<String, List<Call>> missed) {
        ObjectNode root = F.objectNode();
        root.put("tool_version", VersionProvider.version());
        root.put("seed", c.seed());
        root.put("patients_n", c.patients().size());
        root.put("coordinates", "1-based VCF positions on reference.fa; variants normalized (trimmed, left-aligned, biallelic)");
        root.set("parameters", parameters(c.config()));
        root.set("expected", expected(c));
        root.set("realized", realized(c));
        ArrayNode patients = root.putArray("patients");
        for (Patient p : c.patients()) {
            patients.add(patient(p, files, bams, missed));
        }
        return root;
    }

    /** Indented JSON whose deep objects (variants, artefacts) stay on one line each, to keep the file small. */
    static com.fasterxml.jackson.core.PrettyPrinter printer() {
        com.fasterxml.jackson.core.util.DefaultIndenter deep = new com.fasterxml.jackson.core.util.DefaultIndenter("  ", "\n");
        com.fasterxml.jackson.core.util.DefaultPrettyPrinter.Indenter shallow = new com.fasterxml.jackson.core.util.DefaultPrettyPrinter.Indenter() {
            @Override
            public void writeIndentation(com.fasterxml.jackson.core.JsonGenerator g, int level) throws java.io.IOException {
                if (level < 5) {
                    deep.writeIndentation(g, level);
                }
            }

            @Override
            public boolean isInline() {
                return false;
            }
        };
        return new com.fasterxml.jackson.core.util.DefaultPrettyPrinter().withObjectIndenter(shallow).withArrayIndenter(shallow)
                .withoutSpacesInObjectEntries();
    }

    static double r6(double x) {
        return Double.isNaN(x) ? x : Math.round(x * 1e6) / 1e6;
    }

    private static ObjectNode expected(SimulatedCohort c) {
        ObjectNode e = F.objectNode();
        ObjectNode conc = e.putObject("gene_concordance_primary_metastasis");
        for (var q : Expectations.geneConcordance(c).entrySet()) {
            quantity(conc.putObject(q.getKey()), q.getValue());
        }
        quantity(e.putObject("plasma_variant_sensitivity"), Expectations.plasmaVariantSensitivity(c));
        quantity(e.putObject("plasma_ras_sensitivity"), Expectations.plasmaRasSensitivity(c));
        quantity(e.putObject("plasma_ras_ppa_vs_tissue"), Expectations.plasmaRasPpa(c));
        quantity(e.putObject("plasma_variant_sensitivity_vs_primary"), Expectations.plasmaSensitivityVsPrimary(c));
        ObjectNode bySite = e.putObject("plasma_ras_sensitivity_by_site");
        for (var q : Expectations.plasmaRasSensitivityBySite(c).entrySet()) {
            quantity(bySite.putObject(q.getKey()), q.getValue());
        }
        ObjectNode os = e.putObject("os_log_hr");
        c.config().survival().osLogHr().forEach(os::put);
        ObjectNode rfs = e.putObject("rfs_log_hr");
        c.config().survival().rfsLogHr().forEach(rfs::put);
        e.put("notes", "gene concordance: share of patients with a metastasis sample whose gene status agrees; planted = 1 - discordance "
                + "(flips are independent of the primary status). plasma_variant_sensitivity: plasma-source clone's somatic variants "
                + "called in plasma (source = metastatic clone if metastatic disease, else primary); expected = mean detection "
                + "probability given ctDNA fraction, VAF and depth. plasma_ras_sensitivity: per patient with a RAS driver in the "
                + "source clone. OS: exponential PH from diagnosis on braf_v600e, ras_mutant (primary), any_driver_new_in_metastasis "
                + "(latent metastatic clone, known for every patient here; observable when a metastasis was sequenced; unbiased "
                + "from files among stage IV patients), (age-65)/10, stage IV. RFS: stage III only, event = recurrence, death censors "
                + "(cause-specific PH).");
        return e;
    }

    private static void quantity(ObjectNode o, Expectations.Quantity q) {
        o.put("expected", r6(q.expected()));
        o.put("observed", r6(q.observed()));
        o.put("x", q.x());
        o.put("n", q.n());
    }

    private static ObjectNode realized(SimulatedCohort c) {
        ObjectNode r = F.objectNode();
        int n = c.patients().size();
        long msi = c.patients().stream().filter(p -> p.clinical().msi()).count();
        long st4 = c.patients().stream().filter(p -> p.clinical().stage().equals("IV")).count();
        r.put("msi_fraction", r6((double) msi / n));
        r.put("stage_iv_fraction", r6((double) st4 / n));
        r.put("with_metastasis_sample", c.patients().stream().filter(p -> p.sample("metastasis") != null).count());
        r.put("with_plasma_sample", c.patients().stream().filter(p -> p.sample("plasma") != null).count());
        ObjectNode freq = r.putObject("driver_frequency_primary");
        for (String g : c.config().drivers().keySet()) {
            long k = c.patients().stream().filter(p -> p.tumourVariants().stream()
                    .anyMatch(t -> t.origin() == Planted.Origin.DRIVER && g.equals(t.gene()) && t.inPrimaryClone())).count();
            freq.put(g, r6((double) k / n));
        }
        r.put("braf_v600e_primary", r6(c.patients().stream().filter(p -> p.clinical().brafV600ePrimary()).count() / (double) n));
        r.put("ras_mutant_primary", r6(c.patients().stream().filter(p -> p.clinical().rasMutantPrimary()).count() / (double) n));
        r.put("any_driver_new_in_metastasis", r6(c.patients().stream().filter(p -> p.clinical().anyDriverNewInMetastasis()).count() / (double) n));
        r.put("os_events", c.patients().stream().filter(p -> p.clinical().osEvent()).count());
        r.put("rfs_events", c.patients().stream().filter(p -> Boolean.TRUE.equals(p.clinical().rfsEvent())).count());
        return r;
    }

    private static ObjectNode patient(Patient p, Map<String, String> files, Map<String, StudyWriter.SampleBam> bams,
                                      Map<String, List<Call>> missed) {
        ObjectNode o = F.objectNode();
        var cl = p.clinical();
        o.put("patient", p.id());
        o.put("msi", cl.msi());
        o.put("stage", cl.stage());
        o.put("age", cl.age());
        o.put("metastatic_site", cl.metastaticSite());
        o.put("braf_v600e_primary", cl.brafV600ePrimary());
        o.put("ras_mutant_primary", cl.rasMutantPrimary());
        o.put("any_driver_new_in_metastasis", cl.anyDriverNewInMetastasis());
        ArrayNode latent = o.putArray("drivers_new_in_metastatic_clone");
        for (TumourVariant t : p.tumourVariants()) {
            if (t.origin() == Planted.Origin.DRIVER && !t.inPrimaryClone() && t.inMetastaticClone()) {
                latent.add(t.gene() + " " + t.label());
            }
        }
        Sample prim = p.sample("primary");
        Sample met = p.sample("metastasis");
        Sample pl = p.sample("plasma");
        if (pl != null) {
            o.put("ctdna_fraction", r6(pl.tumourFraction()));
        }
        ArrayNode samples = o.putArray("samples");
        for (Sample s : p.samples()) {
            ObjectNode so = samples.addObject();
            so.put("sample", s.id());
            so.put("type", s.type());
            so.put("file", files.get(s.id()));
            so.put("dialect", s.style().dialect());
            so.put("tumor_column", DialectWriter.tumourColumn(s.style().dialect(), s.id()));
            so.put("contig_style", s.style().chrPrefix() ? "chr" : "no_chr");
            so.put("contig_header", s.style().contigHeader());
            if (!s.type().equals("normal")) {
                so.put(s.type().equals("plasma") ? "ctdna_fraction" : "purity", r6(s.tumourFraction()));
            }
            if (s.type().equals("plasma")) {
                so.put("timepoint", s.timepoint());
                so.put("collection_day", s.collectionDay());
                so.put("compared_with_tissue", s == pl);
            }
            List<Call> sampleMissed = missed.getOrDefault(s.id(), List.of());
            // true calls written to the VCF (caller misses left out)
            so.put("n_true", s.calls().stream().filter(Call::pass).count() - sampleMissed.size());
            if (!s.type().equals("primary") && !s.type().equals("metastasis")) {
                // blood samples: every true call with where it comes from (tumour, ch, germline) and its reads
                ArrayNode calls = so.putArray("calls");
                for (Call c : s.calls()) {
                    if (c.source() != null) {
                        ObjectNode a = calls.addObject();
                        variant(a, c.variant());
                        a.put("filter", c.filter());
                        a.put("origin", c.source().origin().bloodLabel());
                        a.put("gene", c.source().gene());
                        a.put("depth", c.depth());
                        a.put("alt_reads", c.altReads());
                    }
                }
            }
            StudyWriter.SampleBam bam = bams.get(s.id());
            if (bam != null) {
                // planted read counts as written (fragments whose mates cover the site / carry the ALT; before read filters)
                so.put("bam", bam.file());
                ArrayNode sites = so.putArray("bam_sites");
                for (SiteBamWriter.SiteCount sc : bam.sites()) {
                    ObjectNode a = sites.addObject();
                    variant(a, sc.variant());
                    a.put("depth", sc.depth());
                    a.put("alt_reads", sc.altReads());
                }
            }
            if (missed.containsKey(s.id())) {
                // true calls left out of this sample's VCF; the BAM keeps their planted reads (depth, alt_reads: the call's)
                ArrayNode ms = so.putArray("missed_by_caller");
                for (Call c : sampleMissed) {
                    ObjectNode a = ms.addObject();
                    variant(a, c.variant());
                    a.put("depth", c.depth());
                    a.put("alt_reads", c.altReads());
                }
            }
            ArrayNode art = so.putArray("artefacts");
            for (Call c : s.calls()) {
                if (!c.pass() && c.source() == null) {
                    ObjectNode a = art.addObject();
                    variant(a, c.variant());
                    a.put("filter", c.filter());
                }
            }
        }
        Map<String, Detection> detections = new LinkedHashMap<>();
        if (pl != null) {
            for (Detection d : pl.detections()) {
                detections.put(d.variant().variant().key(), d);
            }
        }
        Sample wbc = p.sample("normal");
        if (wbc != null) {
            o.put("wbc_sample", wbc.id());
        }
        ArrayNode vs = o.putArray("variants");
        for (TumourVariant t : merged(p)) {
            boolean inP = prim != null && t.inPrimaryClone();
            boolean inM = met != null && t.inMetastaticClone();
            Detection d = detections.get(t.variant().key());
            boolean blood = t.origin() == Planted.Origin.CH || t.origin() == Planted.Origin.GERMLINE;
            boolean inPl = blood ? called(pl, t) : d != null && d.detected();
            boolean inWbc = called(wbc, t);
            boolean inOtherDraw = p.samples("plasma").stream().anyMatch(s -> called(s, t));
            if (!inP && !inM && !inPl && !inWbc && !inOtherDraw) {
                continue;
            }
            ObjectNode v = vs.addObject();
            variant(v, t.variant());
            v.put("gene", t.gene());
            v.put("label", t.label());
            v.put("origin", t.origin().name().toLowerCase(java.util.Locale.ROOT));
            v.put("primary", inP);
            v.put("metastasis", inM);
            v.put("plasma", inPl);
            v.put("shared", inP && inM);
            v.put("new_in_metastasis", inM && !t.inPrimaryClone());
            v.put("ch", t.origin() == Planted.Origin.CH);
            if (wbc != null) {
                v.put("normal", inWbc);
            }
            effect(v, t.effect());
            v.put("ccf_primary", r6(t.ccfPrimary()));
            v.put("ccf_metastatic_clone", r6(t.ccfMetastasis()));
            if (!bams.isEmpty() && !blood) {
                // clonal = CCF 1 in that clone (subclonal: 0 < CCF < 1; absent: 0)
                v.put("clonality_primary", clonality(t.ccfPrimary()));
                v.put("clonality_metastatic_clone", clonality(t.ccfMetastasis()));
            }
            if (d != null) {
                v.put("plasma_detection_probability", r6(d.probability()));
            }
            List<String> missedIn = p.samples().stream().filter(s -> missed.getOrDefault(s.id(), List.of()).stream()
                    .anyMatch(m -> m.variant().key().equals(t.variant().key()))).map(Sample::id).toList();
            if (!missedIn.isEmpty()) {
                // present in these samples (planted, reads) but left out of their VCFs
                ArrayNode mi = v.putArray("missed_by_caller");
                missedIn.forEach(mi::add);
            }
        }
        var c = o.putObject("clinical");
        c.put("os_days", cl.osDays());
        c.put("os_event", cl.osEvent() ? 1 : 0);
        if (cl.rfsDays() != null) {
            c.put("rfs_days", cl.rfsDays());
            c.put("rfs_event", cl.rfsEvent() ? 1 : 0);
        }
        if (cl.metastasisDays() != null) {
            c.put("metastasis_days", cl.metastasisDays());
        }
        return o;
    }

    private static String clonality(double ccf) {
        return ccf >= 1 ? "clonal" : ccf > 0 ? "subclonal" : "absent";
    }

    private static List<TumourVariant> merged(Patient p) {
        List<TumourVariant> all = new java.util.ArrayList<>(p.tumourVariants());
        all.addAll(p.chVariants());
        all.addAll(p.germlineVariants());
        return all;
    }

    /** Whether the sample has a PASS call of this planted variant. */
    private static boolean called(Sample s, TumourVariant t) {
        return s != null && s.calls().stream().anyMatch(c -> c.pass() && c.source() == t);
    }

    private static void variant(ObjectNode o, Variant v) {
        o.put("chrom", v.chrom());
        o.put("pos", v.pos());
        o.put("ref", v.ref());
        o.put("alt", v.alt());
    }

    /** The full config; the caller-miss keys only when switched on (so studies without them keep their bytes). */
    static JsonNode parameters(SimulationConfig c) {
        JsonNode tree = mapper().valueToTree(c);
        if (c.bams().missedCallFraction() <= 0) {
            ObjectNode b = (ObjectNode) tree.get("bams");
            b.remove("missed_call_fraction");
            b.remove("missed_call_max_vaf");
        }
        return tree;
    }
}
