package org.oncoconcord.simulate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.oncoconcord.simulate.Planted.Call;
import org.oncoconcord.simulate.Planted.Clinical;
import org.oncoconcord.simulate.Planted.Detection;
import org.oncoconcord.simulate.Planted.FileStyle;
import org.oncoconcord.simulate.Planted.Origin;
import org.oncoconcord.simulate.Planted.Patient;
import org.oncoconcord.simulate.Planted.Sample;
import org.oncoconcord.simulate.Planted.TumourVariant;
import org.oncoconcord.simulate.SimulationConfig.DriverGene;

/**
 * Simulates one patient from its own random stream: drivers (with RAS/BRAF exclusivity and
 * per-gene primary-vs-metastasis flips), passengers (clonal kept, subclonal partly lost, new ones
 * gained), clinical course from planted hazards, and the sequenced samples with read counts
 * (plasma detection from ctDNA fraction, VAF and depth; clonal haematopoiesis in plasma only).
 */
final class PatientSimulator {
    private static final Map<String, List<String>> ARTEFACT_FILTERS = Map.of(
            "mutect2", List.of("weak_evidence", "strand_bias", "orientation", "clustered_events"),
            "strelka2", List.of("LowEVS", "LowDepth"),
            "varscan2", List.of("Strand", "VarCount"));

    /** The FILTER a dialect writes on a low-support candidate. */
    static String weakEvidenceFilter(String dialect) {
        return switch (dialect) {
            case "mutect2" -> "weak_evidence";
            case "strelka2" -> "LowEVS";
            default -> "VarCount";
        };
    }

    private final SimulationConfig cfg;
    private final SyntheticGenome genome;
    private final CodingPlanter planter;
    private final Rng rng;
    /** Stream of the extra blood draws (WBC, germline, serial plasma): never touches {@link #rng}. */
    private final Rng draws;
    private final String id;
    /** Every CH clone drawn for the blood (called in the first plasma or not), with its blood VAF. */
    private final List<BloodDraws.Clone> chClones = new ArrayList<>();
    /** Occupied positions (contig index * 1e8 + pos) -> owner variant number, to keep variants apart. */
    private final Map<Long, Integer> occupied = new HashMap<>();
    private int owners;

    PatientSimulator(SimulationConfig cfg, SyntheticGenome genome, Rng rng, Rng draws, String id) {
        this.cfg = cfg;
        this.genome = genome;
        this.planter = new CodingPlanter(genome);
        this.rng = rng;
        this.draws = draws;
        this.id = id;
    }

    Patient simulate() {
        var co = cfg.cohort();
        boolean msi = rng.bernoulli(co.msiFraction());
        int age = (int) Math.round(Math.max(co.ageMin(), Math.min(co.ageMax(), rng.normal(co.ageMean(), co.ageSd()))));
        String sex = rng.bernoulli(co.maleFraction()) ? "male" : "female";
        boolean stageIv = rng.bernoulli(co.stageIvFraction());

        List<TumourVariant> tumour = new ArrayList<>();
        boolean braf = false;
        boolean ras = false;
        boolean newDriver = false;
        Map<String, Boolean> primaryMutated = new HashMap<>();
        List<String> order = new ArrayList<>(cfg.drivers().keySet());
        List<String> first = new ArrayList<>(); // BRAF, then KRAS, then NRAS: RAS is drawn conditionally on them
        for (String g : List.of("BRAF", "KRAS", "NRAS")) {
            if (order.remove(g)) {
                first.add(g);
            }
        }
        order.addAll(0, first);
        for (String gene : order) {
            DriverGene dg = cfg.drivers().get(gene);
            double f = msi ? dg.frequencyMsi() : dg.frequencyMss();
            boolean brafPresent = primaryMutated.getOrDefault("BRAF", false);
            if (gene.equals("KRAS") || gene.equals("NRAS")) {
                f = rasProbability(gene, msi, brafPresent, primaryMutated.getOrDefault("KRAS", false));
            }
            boolean mutated = rng.bernoulli(f);
            boolean flip = rng.bernoulli(dg.discordance());
            primaryMutated.put(gene, mutated);
            if (!mutated && !flip) {
                continue;
            }
            String[] label = new String[1];
            CodingPlanter.Planting v = driverVariant(gene, dg, label);
            double ccfP;
            double ccfM;
            if (mutated) {
                ccfP = flip ? subclonal() : (rng.bernoulli(0.9) ? 1.0 : subclonal());
                ccfM = flip ? 0 : 1.0;
                if (gene.equals("BRAF") && label[0].equals("V600E")) {
                    braf = true;
                }
                if (gene.equals("KRAS") || gene.equals("NRAS")) {
                    ras = true;
                }
            } else {
                ccfP = 0;
                ccfM = rng.bernoulli(0.8) ? 1.0 : subclonal();
                newDriver = true;
            }
            tumour.add(new TumourVariant(v.variant(), gene, label[0], Origin.DRIVER, ccfP, ccfM, null, v.effect()));
        }

        // passengers
        var pa = cfg.passengers();
        int nPrimary = (int) Math.round(rng.logNormal(msi ? pa.medianMsi() : pa.medianMss(), pa.sdlog()));
        double indelFraction = msi ? pa.indelFractionMsi() : pa.indelFractionMss();
        var met = cfg.metastasis();
        List<TumourVariant> passengers = new ArrayList<>();
        for (int i = 0; i < nPrimary; i++) {
            double ccfP;
            double ccfM;
            if (rng.bernoulli(pa.clonalFraction())) {
                ccfP = 1.0;
                ccfM = 1.0;
            } else {
                ccfP = subclonal();
                ccfM = rng.bernoulli(met.keepSubclonalPassenger()) ? (rng.bernoulli(0.5) ? 1.0 : subclonal()) : 0;
            }
            passengers.add(passenger(passengers, indelFraction, ccfP, ccfM));
        }
        int nNew = rng.poisson(met.newPassengersPerPrimary() * nPrimary);
        for (int i = 0; i < nNew; i++) {
            passengers.add(passenger(passengers, indelFraction, 0, rng.bernoulli(0.7) ? 1.0 : subclonal()));
        }
        tumour.addAll(passengers);
        tumour.removeIf(t -> t == null);
        tumour.sort(Comparator.comparing((TumourVariant t) -> genome.contigIndex(t.variant().chrom()))
                .thenComparingInt(t -> t.variant().pos()));

        // clinical course
        var su = cfg.survival();
        double age10 = (age - 65) / 10.0;
        double lpOs = su.osLogHr().get("braf_v600e") * b(braf) + su.osLogHr().get("ras_mutant") * b(ras)
                + su.osLogHr().get("any_driver_new_in_metastasis") * b(newDriver)
                + su.osLogHr().get("age_per_10y") * age10 + su.osLogHr().get("stage_iv") * b(stageIv);
        double lpRfs = su.rfsLogHr().get("braf_v600e") * b(braf) + su.rfsLogHr().get("ras_mutant") * b(ras)
                + su.rfsLogHr().get("age_per_10y") * age10;
        double tDeath = rng.exponential(su.osBaselinePerDay() * Math.exp(lpOs));
        double tRecur = rng.exponential(su.rfsBaselinePerDay() * Math.exp(lpRfs));
        double censor = Math.min(rng.uniform(su.adminFollowupMinDays(), su.adminFollowupMaxDays()),
                su.lossToFollowupPerYear() > 0 ? rng.exponential(su.lossToFollowupPerYear() / 365.25) : Double.MAX_VALUE);
        int osDays = days(Math.min(tDeath, censor));
        boolean osEvent = tDeath <= censor;
        Integer rfsDays = null;
        Boolean rfsEvent = null;
        boolean recurred = false;
        if (!stageIv) {
            recurred = tRecur <= Math.min(tDeath, censor);
            rfsDays = days(Math.min(tRecur, Math.min(tDeath, censor)));
            rfsEvent = recurred;
        }
        boolean metastatic = stageIv || recurred;
        String site = metastatic ? rng.categorical(co.metastaticSites()) : null;
        Integer metDays = stageIv ? Integer.valueOf(0) : (recurred ? rfsDays : null);
        boolean metSample = metastatic && rng.bernoulli(co.metastasisBiopsyFraction());
        boolean plasma = !metSample || rng.bernoulli(co.plasmaFractionWithMetastasis());
        Clinical clinical = new Clinical(age, sex, stageIv ? "IV" : "III", msi, site, metDays, osDays, osEvent,
                rfsDays, rfsEvent, braf, ras, newDriver);

        // samples
        List<Sample> samples = new ArrayList<>();
        samples.add(tissueSample(id + "_T", "primary", tumour, true, samples.size()));
        if (metSample) {
            samples.add(tissueSample(id + "_M", "metastasis", tumour, false, samples.size()));
        }
        List<TumourVariant> ch = new ArrayList<>();
        if (plasma) {
            samples.add(plasmaSample(id + "_P", tumour, metastatic, site == null ? "none" : site, age, ch, samples.size()));
        }
        // everything above comes from the patient's stream; the blood draws below only from their own
        BloodDraws.Result blood = new BloodDraws(this, draws, id).add(clinical, tumour, samples, chClones);
        List<TumourVariant> chAll = new ArrayList<>(ch);
        for (TumourVariant t : blood.chCalled()) {
            if (!chAll.contains(t)) {
                chAll.add(t);
            }
        }
        return new Patient(id, clinical, List.copyOf(tumour), List.copyOf(chAll), blood.samples(), blood.germline());
    }

    /**
     * P(gene mutated | BRAF V600E status, KRAS status) such that the marginal frequency equals the
     * configured one: RAS is {@code cooccurrence_factor} times as likely with BRAF V600E, and NRAS is
     * drawn only in KRAS wild-type tumours.
     */
    private double rasProbability(String gene, boolean msi, boolean brafPresent, boolean krasPresent) {
        double factor = cfg.rasBraf().cooccurrenceFactor();
        DriverGene braf = cfg.drivers().get("BRAF");
        double pb = braf == null ? 0 : (msi ? braf.frequencyMsi() : braf.frequencyMss());
        DriverGene kras = cfg.drivers().get("KRAS");
        double fk = kras == null ? 0 : (msi ? kras.frequencyMsi() : kras.frequencyMss());
        double ck = Math.min(1, fk / (1 - pb + pb * factor));
        if (gene.equals("KRAS")) {
            return Math.min(1, ck * (brafPresent ? factor : 1));
        }
        if (krasPresent) {
            return 0;
        }
        DriverGene nras = cfg.drivers().get("NRAS");
        double fn = msi ? nras.frequencyMsi() : nras.frequencyMss();
        double denom = pb * (1 - Math.min(1, ck * factor)) * factor + (1 - pb) * (1 - ck);
        double g = denom > 0 ? fn / denom : 0;
        return Math.min(1, g * (brafPresent ? factor : 1));
    }

    private static int days(double t) {
        return (int) Math.max(1, Math.ceil(t));
    }

    private static double b(boolean x) {
        return x ? 1.0 : 0.0;
    }

    private double subclonal() {
        var m = cfg.metastasis();
        return rng.uniform(m.subclonalCcfMin(), m.subclonalCcfMax());
    }

    // ---- variants -------------------------------------------------------------------------

    /** Positions of this patient's variants, for the planter. */
    private final CodingPlanter.Space space = new CodingPlanter.Space() {
        @Override
        public boolean free(String contig, int from, int to) {
            return !occupiedByOther(contig, from, to, null);
        }

        @Override
        public void take(String contig, int from, int to) {
            occupy(contig, from, to);
        }
    };

    /**
     * A driver (or CH) variant of {@code gene}: a hotspot (as its protein change, e.g. KRAS G12D), a
     * frameshift at a CDS homopolymer (the gene's {@code indel_fraction}), else a class drawn from
     * {@code consequences.driver_classes}. {@code label[0]}: the hotspot, {@code frameshift},
     * {@code inframe_indel} or {@code snv}.
     */
    private CodingPlanter.Planting driverVariant(String gene, DriverGene dg, String[] label) {
        GeneModel m = GeneLayout.model(gene);
        if (!dg.hotspots().isEmpty() && rng.bernoulli(dg.hotspotShare())) {
            label[0] = rng.categorical(dg.hotspots());
            GeneLayout.HotspotMutation h = GeneLayout.hotspotMutation(gene, label[0]);
            GeneLayout.Codon c = GeneLayout.codon(gene, h.codon());
            int pos = GeneLayout.codonBase(c, h.index());
            if (!occupiedByOther(m.contig(), pos - 3, pos + 3, null)) {
                char alt = m.plus() ? h.alt() : Codons.complement(h.alt());
                Variant v = new Variant(m.contig(), pos, String.valueOf(genome.base(m.contig(), pos)), String.valueOf(alt));
                occupy(v.chrom(), pos, pos);
                return new CodingPlanter.Planting(v, planter.effect(m, v));
            }
            label[0] = "snv";
            return required(planter.plant(gene, "missense_variant", rng, space), gene);
        }
        if (rng.bernoulli(dg.indelFraction())) {
            CodingPlanter.Planting p = planter.plant(gene, "frameshift_variant", rng, space);
            if (p != null) {
                label[0] = "frameshift";
                return p;
            }
        }
        String cls = rng.categorical(cfg.consequences().driverClasses());
        label[0] = cls.equals("inframe_indel") ? "inframe_indel" : "snv";
        return required(planter.plant(gene, cls, rng, space), gene);
    }

    private static CodingPlanter.Planting required(CodingPlanter.Planting p, String gene) {
        if (p == null) {
            throw new IllegalStateException("no free position for a variant in " + gene);
        }
        return p;
    }

    /** A passenger in a random gene as a class of {@code consequences.silent_classes} (null when none fits). */
    CodingPlanter.Planting silentInGene(Rng rng) {
        GeneModel m = rng.pick(GeneLayout.MODELS);
        return planter.plant(m.name(), rng.categorical(cfg.consequences().silentClasses()), rng, space);
    }

    private TumourVariant passenger(List<TumourVariant> earlier, double indelFraction, double ccfP, double ccfM) {
        if (rng.bernoulli(cfg.passengers().nearbyPairFraction())) {
            List<TumourVariant> snvs = earlier.stream().filter(t -> t.variant().isSnv() && t.pairWith() == null).toList();
            if (!snvs.isEmpty()) {
                TumourVariant partner = rng.pick(snvs);
                Variant p = partner.variant();
                int pos = p.pos() + (rng.bernoulli(0.5) ? 1 : -1) * rng.integer(2, 3);
                Integer owner = occupied.get(key(p.chrom(), pos));
                Integer partnerOwner = occupied.get(key(p.chrom(), p.pos()));
                if (!genome.anyBlocked(p.chrom(), pos, pos) && (owner == null || owner.equals(partnerOwner))
                        && SyntheticGenome.geneAt(p.chrom(), pos - 50, pos + 50) == null
                        && !occupiedByOther(p.chrom(), pos - 5, pos + 5, partnerOwner)) {
                    Variant v = new Variant(p.chrom(), pos, String.valueOf(genome.base(p.chrom(), pos)), randomAlt(genome.base(p.chrom(), pos)));
                    occupy(v.chrom(), pos, pos);
                    int idx = earlier.indexOf(partner);
                    earlier.set(idx, new TumourVariant(p, partner.gene(), partner.label(), partner.origin(),
                            partner.ccfPrimary(), partner.ccfMetastasis(), v.key(), partner.effect()));
                    return new TumourVariant(v, ".", "snv", Origin.PASSENGER, ccfP, ccfM, p.key(), null);
                }
            }
        }
        if (rng.bernoulli(cfg.consequences().inGenePassengerFraction())) {
            CodingPlanter.Planting p = silentInGene(rng);
            if (p != null) {
                return new TumourVariant(p.variant(), ".", p.effect().consequence(), Origin.PASSENGER, ccfP, ccfM, null, p.effect());
            }
        }
        if (rng.bernoulli(indelFraction)) {
            Variant v = repeatIndel(null);
            if (v != null) {
                return new TumourVariant(v, ".", "indel", Origin.PASSENGER, ccfP, ccfM, null, null);
            }
        }
        Variant v = randomIntergenicSnv();
        return v == null ? null : new TumourVariant(v, ".", "snv", Origin.PASSENGER, ccfP, ccfM, null, null);
    }

    /** An SNV outside every gene (+-50 bp), away from repeats, codons and other variants. */
    private Variant randomIntergenicSnv() {
        return randomIntergenicSnv(rng);
    }

    Variant randomIntergenicSnv(Rng rng) {
        List<String> contigs = genome.contigs();
        for (int attempt = 0; attempt < 2000; attempt++) {
            String contig = rng.pick(contigs);
            int pos = rng.integer(100, genome.length(contig) - 100);
            if (SyntheticGenome.geneAt(contig, pos - 50, pos + 50) != null) {
                continue;
            }
            Variant v = trySnv(contig, pos, rng);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private Variant snvIn(String contig, int from, int to, boolean required) {
        return snvIn(rng, contig, from, to, required);
    }

    Variant snvIn(Rng rng, String contig, int from, int to, boolean required) {
        for (int attempt = 0; attempt < 2000; attempt++) {
            Variant v = trySnv(contig, rng.integer(from, to), rng);
            if (v != null) {
                return v;
            }
        }
        if (required) {
            throw new IllegalStateException("no free position for an SNV in " + contig + ":" + from + "-" + to);
        }
        return null;
    }

    private Variant trySnv(String contig, int pos, Rng rng) {
        if (genome.anyBlocked(contig, pos - 1, pos + 1) || occupiedByOther(contig, pos - 5, pos + 5, null)) {
            return null;
        }
        char ref = genome.base(contig, pos);
        occupy(contig, pos, pos);
        return new Variant(contig, pos, String.valueOf(ref), randomAlt(ref, rng));
    }

    private String randomAlt(char ref) {
        return randomAlt(ref, rng);
    }

    private static String randomAlt(char ref, Rng rng) {
        char transition = switch (ref) {
            case 'A' -> 'G';
            case 'G' -> 'A';
            case 'C' -> 'T';
            default -> 'C';
        };
        if (rng.bernoulli(0.6)) {
            return String.valueOf(transition);
        }
        List<Character> others = new ArrayList<>();
        for (char c : new char[] {'A', 'C', 'G', 'T'}) {
            if (c != ref && c != transition) {
                others.add(c);
            }
        }
        return String.valueOf(rng.pick(others));
    }

    /** An indel of 1-2 repeat units at a free tandem repeat in {@code gene} (null: outside genes). */
    private Variant repeatIndel(String gene) {
        List<SyntheticGenome.Repeat> all = genome.repeatsIn(gene);
        if (all.isEmpty()) {
            return null;
        }
        SyntheticGenome.Repeat r = null;
        for (int attempt = 0; attempt < 200 && r == null; attempt++) {
            SyntheticGenome.Repeat c = rng.pick(all);
            if (!occupiedByOther(c.contig(), c.start() - 6, c.end() + 6, null)) {
                r = c;
            }
        }
        if (r == null) {
            return null;
        }
        int k = rng.bernoulli(0.8) ? 1 : 2;
        boolean deletion = rng.bernoulli(0.5) && r.copies() - k >= 2;
        String units = r.unit().repeat(k);
        int anchor = r.start() - 1;
        String a = String.valueOf(genome.base(r.contig(), anchor));
        Variant raw = deletion ? new Variant(r.contig(), anchor, a + units, a) : new Variant(r.contig(), anchor, a, a + units);
        occupy(r.contig(), r.start() - 1, r.end());
        return Alleles.normalize(genome, raw);
    }

    private long key(String contig, int pos) {
        return genome.contigIndex(contig) * 100_000_000L + pos;
    }

    private void occupy(String contig, int from, int to) {
        int owner = ++owners;
        for (int p = from; p <= to; p++) {
            occupied.put(key(contig, p), owner);
        }
    }

    private boolean occupiedByOther(String contig, int from, int to, Integer allowed) {
        for (int p = from; p <= to; p++) {
            Integer o = occupied.get(key(contig, p));
            if (o != null && !o.equals(allowed)) {
                return true;
            }
        }
        return false;
    }

    // ---- samples ---------------------------------------------------------------------------

    private FileStyle style(boolean plasma) {
        return style(rng, plasma);
    }

    FileStyle style(Rng rng, boolean plasma) {
        var f = cfg.files();
        String dialect = rng.categorical(f.dialects());
        return new FileStyle(dialect, rng.bernoulli(f.chrPrefixFraction()), !rng.bernoulli(f.noContigHeaderFraction()),
                !plasma && rng.bernoulli(f.normalFirstFraction()));
    }

    private Sample tissueSample(String sampleId, String type, List<TumourVariant> tumour, boolean primary, int stream) {
        var co = cfg.cohort();
        FileStyle style = style(false);
        double purity = rng.uniform(co.purityMin(), co.purityMax());
        List<Call> calls = new ArrayList<>();
        for (TumourVariant t : tumour) {
            double ccf = primary ? t.ccfPrimary() : t.ccfMetastasis();
            if (ccf <= 0) {
                continue;
            }
            int depth = Math.max(20, rng.negativeBinomial(co.tissueDepthMean(), co.tissueDepthShape()));
            int alt = Math.max(co.tissueMinAltReads(), rng.binomial(depth, purity * ccf / 2));
            calls.add(new Call(t.variant(), Math.max(depth, alt + 5), alt, "PASS", t));
        }
        addArtefacts(rng, calls, style, 0.01, 0.05, co.tissueDepthMean(), co.tissueDepthShape());
        sortCalls(calls);
        return new Sample(sampleId, type, purity, style, List.copyOf(calls), List.of(), null, null, stream);
    }

    private Sample plasmaSample(String sampleId, List<TumourVariant> tumour, boolean metastatic, String site, int age,
                                List<TumourVariant> chOut, int stream) {
        var pl = cfg.plasma();
        FileStyle style = style(true);
        double fraction = sheddingFraction(rng, site);
        List<Call> calls = new ArrayList<>();
        List<Detection> detections = new ArrayList<>();
        tumourPlasmaCalls(rng, tumour, metastatic, fraction, calls, detections);
        var ch = cfg.clonalHaematopoiesis();
        int nCh = rng.poisson(ch.rateAt65() * Math.exp(ch.logRatePerYear() * (age - 65)));
        for (int i = 0; i < nCh; i++) {
            String gene = rng.categorical(ch.genes());
            String[] label = new String[1];
            DriverGene spectrum = chSpectrum(gene, ch.dnmt3aR882Share());
            CodingPlanter.Planting planted;
            try {
                planted = driverVariant(gene, spectrum, label);
            } catch (IllegalStateException full) {
                continue;
            }
            Variant v = planted.variant();
            double vaf = Math.min(ch.vafMax(), rng.logNormal(ch.vafMedian(), ch.vafSdlog()));
            int depth = Math.max(100, rng.negativeBinomial(pl.depthMean(), pl.depthShape()));
            int alt = rng.binomial(depth, vaf);
            TumourVariant t = new TumourVariant(v, gene, label[0], Origin.CH, 0, 0, null, planted.effect());
            chClones.add(new BloodDraws.Clone(t, vaf));
            if (alt >= pl.minAltReads()) {
                chOut.add(t);
                calls.add(new Call(v, depth, alt, "PASS", t));
            }
        }
        addArtefacts(rng, calls, style, 0.001, 0.004, pl.depthMean(), pl.depthShape());
        sortCalls(calls);
        return new Sample(sampleId, "plasma", fraction, style, List.copyOf(calls), List.copyOf(detections), null, null, stream);
    }

    /** A plasma draw's tumour fraction: 0 for a non-shedder, else log-normal by metastatic site ({@code none}: no metastasis). */
    double sheddingFraction(Rng rng, String site) {
        var pl = cfg.plasma();
        SimulationConfig.Shedding sh = pl.shedding().get(site);
        return rng.bernoulli(sh.nonShedderFraction()) ? 0 : Math.min(pl.maxFraction(), rng.logNormal(sh.medianFraction(), sh.sdlog()));
    }

    /**
     * The plasma calls of the tumour clone ({@code metastatic} or primary) at tumour fraction {@code fraction}:
     * per variant a depth, VAF = fraction x CCF / 2, alt reads, called at {@code min_alt_reads}; every draw
     * is recorded with its detection probability.
     */
    void tumourPlasmaCalls(Rng rng, List<TumourVariant> tumour, boolean metastatic, double fraction, List<Call> calls,
                           List<Detection> detections) {
        var pl = cfg.plasma();
        for (TumourVariant t : tumour) {
            double ccf = metastatic ? t.ccfMetastasis() : t.ccfPrimary();
            if (ccf <= 0) {
                continue;
            }
            double vaf = fraction * ccf / 2;
            int depth = Math.max(100, rng.negativeBinomial(pl.depthMean(), pl.depthShape()));
            double p = detectionProbability(depth, vaf, pl.minAltReads());
            int alt = rng.binomial(depth, vaf);
            boolean detected = alt >= pl.minAltReads();
            detections.add(new Detection(t, vaf, depth, p, detected));
            if (detected) {
                calls.add(new Call(t.variant(), depth, alt, "PASS", t));
            }
        }
    }

    SimulationConfig config() {
        return cfg;
    }

    private static DriverGene chSpectrum(String gene, double r882Share) {
        return switch (gene) {
            case "DNMT3A" -> new DriverGene(0, 0, 0, r882Share, 0.05, Map.of("R882H", 1.0));
            case "ASXL1" -> new DriverGene(0, 0, 0, 0, 0.5, Map.of());
            default -> new DriverGene(0, 0, 0, 0, 0.2, Map.of());
        };
    }

    /** P(Binomial(depth, vaf) >= k). */
    static double detectionProbability(int depth, double vaf, int k) {
        if (vaf <= 0) {
            return 0;
        }
        return 1.0 - new BinomialDistribution(null, depth, Math.min(1, vaf)).cumulativeProbability(k - 1);
    }

    void addArtefacts(Rng rng, List<Call> calls, FileStyle style, double vafMin, double vafMax, double depthMean, double shape) {
        int n = rng.poisson(cfg.files().artefactCallsMean());
        List<String> filters = ARTEFACT_FILTERS.get(style.dialect());
        for (int i = 0; i < n; i++) {
            Variant v = randomIntergenicSnv(rng);
            if (v == null) {
                continue;
            }
            int depth = Math.max(20, rng.negativeBinomial(depthMean, shape));
            int alt = Math.max(2, rng.binomial(depth, rng.uniform(vafMin, vafMax)));
            calls.add(new Call(v, Math.max(depth, alt + 5), alt, rng.pick(filters), null));
        }
    }

    void sortCalls(List<Call> calls) {
        calls.sort(Comparator.comparing((Call c) -> genome.contigIndex(c.variant().chrom()))
                .thenComparingInt(c -> c.variant().pos()).thenComparing(c -> c.variant().alt()));
    }
}
