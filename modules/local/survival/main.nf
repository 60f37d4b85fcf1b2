/*
 * Survival models on the cohort's per-patient features (`oncoconcord survival`), per endpoint
 * (OS, and RFS when the clinical table has it), in survival/<time column>/:
 *   km_all, km_<group>              Kaplan-Meier + log-rank per grouping column
 *   univariable.tsv, cox_uni_<f>    one Cox model per feature, summarised in one table
 *   cox                             the multivariable Cox model
 *   coxnet                          elastic-net Cox over every <GENE>_primary column, clinical covariates unpenalised
 *   cv                              cross-validated accuracy of the multivariable model at the horizon
 *   validate                        TRIPOD validation of that model at the horizon (bootstrap optimism
 *                                   correction, calibration by groups and smoothed, decision curve, model_at_horizon.json)
 * Features known only once the metastasis is sequenced (features.columns.tsv: available_at =
 * post_metastasis) enter only landmark analyses (`--landmark`: patients at risk at the landmark
 * time, follow-up measured from it). Analyses that cannot run are listed in survival/skipped.tsv
 * (and logged) rather than left out silently. survivalPlan() below decides what runs; the commands
 * run in one JVM (`oncoconcord batch`, written to survival.commands in the task folder).
 */
process SURVIVAL {
    tag "${plan.endpoints.collect { it.time }.join(',') ?: 'no endpoint'}"
    label 'process_single'

    input:
    tuple path(features), val(plan)   // plan: survivalPlan(features, columns, ...)

    output:
    path 'survival'    , emit: dir
    path 'versions.yml', emit: versions

    script:
    def args_km      = task.ext.args_km      ?: ''
    def args_cox     = task.ext.args_cox     ?: ''
    def args_uni     = task.ext.args_uni     ?: ''
    def args_coxnet  = task.ext.args_coxnet  ?: ''
    def args_cv      = task.ext.args_cv      ?: ''
    def args_validate = task.ext.args_validate ?: ''
    def xmx = task.memory ? "-Xmx${(task.memory.toMega() * 0.8) as long}m" : '-Xmx1g'
    def at = (0..4).collect { ((it * (plan.horizon as int)) / 2) as int }.join(',')
    def lm = plan.landmark ? "--landmark ${plan.landmark}" : ''
    def cmds = []   // `oncoconcord` commands, run in one JVM by `oncoconcord batch`
    def dirs = []
    plan.endpoints.each { e ->
        def data = "--data ${features} --time ${e.time} --event ${e.event}"
        def out = "survival/${e.time}"
        dirs << out
        cmds << "survival km ${args_km} ${data} --at ${at} --out ${out}/km_all"
        e.km.each { g ->
            cmds << "survival km ${args_km} ${data} ${g.landmark ? lm : ''} --group ${g.column} --at ${at} --out ${out}/km_${g.column}"
        }
        if (e.univariable) {
            def lmCovs = e.univariable_landmark ? "${lm} --landmark-covariates ${e.univariable_landmark.join(',')}" : ''
            cmds << "survival univariable ${args_uni} ${data} --covariates ${e.univariable.join(',')} ${lmCovs} --out ${out}"
        }
        if (e.cox) {
            def covs = "--covariates ${e.cox.join(',')} ${e.cox_landmark ? lm : ''}"
            cmds << "survival cox ${args_cox} ${data} ${covs} --out ${out}/cox"
            cmds << "survival cv ${args_cv} ${data} ${covs} --horizon ${plan.horizon} --out ${out}/cv"
            cmds << "survival validate ${args_validate} ${data} ${covs} --horizon ${plan.horizon} --out ${out}/validate"
        }
        if (e.coxnet) {
            def unpen = e.coxnet_unpenalized ? "--unpenalized ${e.coxnet_unpenalized.join(',')}" : ''
            cmds << "survival cox --penalty elastic-net ${args_coxnet} ${data} --covariates ${(e.coxnet + e.coxnet_unpenalized).join(',')} ${unpen} --out ${out}/coxnet"
        }
    }
    def run = cmds ? "mkdir -p ${dirs.join(' ')} && oncoconcord batch survival.commands"
                   : 'echo "oncoconcord survival: no endpoint to analyse (see survival/skipped.tsv)" >&2'
    def quote = { v -> "'" + v.toString().replace("'", "'\\''") + "'" }
    """
    export ONCOCONCORD_JAVA_OPTS="${xmx} -XX:+UseSerialGC"
    mkdir -p survival
    printf '%s\\t%s\\t%s\\n' endpoint analysis reason > survival/skipped.tsv
    ${plan.skipped.collect { r -> "printf '%s\\t%s\\t%s\\n' ${r.collect(quote).join(' ')} >> survival/skipped.tsv" }.join('\n    ')}
    cat <<-'END_COMMANDS' > survival.commands
    ${cmds.join('\n    ')}
    END_COMMANDS
    ${run}

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        oncoconcord: \$(oncoconcord --version | sed 's/^oncoconcord //')
    END_VERSIONS
    """

    stub:
    def dirs = plan.endpoints.collect { e -> "survival/${e.time}/cox survival/${e.time}/cv survival/${e.time}/validate survival/${e.time}/km_all survival/${e.time}/coxnet" }
    def files = plan.endpoints.collect { e ->
        "survival/${e.time}/cox/coefficients.tsv survival/${e.time}/cv/cv.json survival/${e.time}/validate/validation.json survival/${e.time}/km_all/km.tsv " +
        "survival/${e.time}/coxnet/coefficients.tsv survival/${e.time}/univariable.tsv"
    }
    """
    mkdir -p survival ${dirs.join(' ')}
    touch survival/skipped.tsv ${files.join(' ')}
    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        oncoconcord: stub
    END_VERSIONS
    """
}

/*
 * What SURVIVAL runs, from the header and rows of features.tsv and the available_at column of
 * features.columns.tsv: the endpoints whose time and event columns exist; per endpoint the
 * KM groupings, univariable features, multivariable covariates and elastic-net gene columns
 * that exist, with post_metastasis ones analysed from the landmark (never from diagnosis).
 * Whatever is left out is logged and listed in `skipped` ([endpoint, analysis, reason]).
 *
 * opts: endpoints ('time:event,...'), covariates, km_groups, univariable (comma-separated
 * columns), landmark (column or null), coxnet (boolean), coxnet_unpenalized, horizon.
 */
def survivalPlan(features, columns, Map opts) {
    def list = { s -> s ? s.toString().tokenize(',')*.trim().findAll { it } : [] }
    def missing = { v -> v == null || v in [ '', 'NA', 'NaN', '.' ] }
    def lines = features.readLines().findAll { it }
    def header = lines ? lines[0].split('\t', -1) as List : []
    def rows = lines.drop(1).collect { l -> [ header, l.split('\t', -1) as List ].transpose().collectEntries() }
    def post = columns.readLines().drop(1).collect { it.split('\t', -1) }
        .findAll { it.size() >= 3 && it[2] == 'post_metastasis' }.collect { it[0] }
    def stub = header.isEmpty()   // -stub-run: empty cohort files, run the configured plan as is
    def skipped = []
    def skip = { endpoint, analysis, reason ->
        skipped << [ endpoint, analysis, reason ]
        log.warn "oncoconcord survival: ${endpoint}: ${analysis} skipped: ${reason}"
    }
    def landmark = opts.landmark && (stub || header.contains(opts.landmark)) ? opts.landmark.toString() : null
    def endpoints = []
    list(opts.endpoints).each { pair ->
        def (time, event) = pair.tokenize(':')*.trim()
        def absent = [ time, event ].findAll { !header.contains(it) }
        if (!stub && absent) {
            def reason = "column(s) ${absent.join(', ')} not in features.tsv".toString()
            log.info "oncoconcord survival: endpoint ${time}/${event} skipped: ${reason}"
            skipped << [ time, 'endpoint', reason ]
            return
        }
        def num = { r, c -> missing(r[c]) ? null : r[c] as double }
        def complete = rows.findAll { num(it, time) != null && num(it, event) != null }
        def events = complete.count { num(it, event) == 1 }
        def atRisk = landmark && !stub ? complete.findAll { num(it, landmark) != null && num(it, time) > num(it, landmark) } : []
        def lmEvents = stub ? 1 : atRisk.count { num(it, event) == 1 }
        if (!stub && events == 0) {
            skip(time, 'models', "no events among the ${complete.size()} patients with ${time} and ${event}")
        }
        // a column is usable here when present and, if post_metastasis, analysable from the landmark
        def usable = { String c, String analysis, boolean fitsModels ->
            if (!stub && !header.contains(c)) {
                skip(time, analysis, "no column ${c} in features.tsv")
                return false
            }
            if (c in post && !landmark) {
                skip(time, analysis, "${c} is only known after the metastasis and features.tsv has no landmark column ${opts.landmark}")
                return false
            }
            if (c in post && fitsModels && lmEvents == 0) {
                skip(time, analysis, "no events after the landmark ${landmark} (${atRisk.size()} patients at risk then)")
                return false
            }
            true
        }
        def km = list(opts.km_groups).findAll { usable(it, "km_${it}", true) }.collect { [ column: it, landmark: it in post ] }
        def uni = (list(opts.km_groups) + list(opts.covariates) + list(opts.univariable)).unique()
            .findAll { usable(it, "cox_uni_${it}", false) }
        def cox = events > 0 || stub ? list(opts.covariates) : []
        if (cox && !cox.every { usable(it, 'cox and cv', true) }) {
            cox = []
        }
        def genes = header.findAll { it ==~ /[A-Z0-9][A-Za-z0-9.-]*_primary/ && !(it in post) }
        def unpen = list(opts.coxnet_unpenalized).findAll { header.contains(it) || stub }
        def coxnet = []
        if (opts.coxnet && events == 1 && !stub) {
            skip(time, 'coxnet', 'a single event: too few to choose the elastic-net lambda by cross-validation')
        } else if (opts.coxnet && (events > 0 || stub)) {
            if (genes || stub) {
                coxnet = genes
            } else {
                skip(time, 'coxnet', 'no <GENE>_primary column in features.tsv')
            }
        }
        endpoints << [ time: time, event: event, events: events, landmark_events: lmEvents, km: km,
                       univariable: events > 0 || stub ? uni : [], univariable_landmark: uni.findAll { it in post },
                       cox: cox, cox_landmark: cox.any { it in post }, coxnet: coxnet, coxnet_unpenalized: unpen ]
    }
    if (!endpoints) {
        log.warn "oncoconcord survival: no endpoint of '${opts.endpoints}' has its columns in features.tsv: no survival analysis"
    }
    [ endpoints: endpoints, landmark: landmark, horizon: opts.horizon, skipped: skipped ]
}
