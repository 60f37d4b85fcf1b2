/*
 * Survival models on the cohort's per-patient features (`oncoconcord survival`), per endpoint
 * (OS, and RFS when the clinical table has it), in survival/<time column>/:
 *   km_all, km_<group>              Kaplan-Meier + log-rank per grouping column
 *   univariable.tsv, cox_uni_<f>    one Cox model per feature, summarised in one table
 *   cox                             the multivariable Cox model
 *   coxnet                          elastic-net Cox over every <GENE>_primary column, clinical covariates unpenalised
 *   cv                              cross-validated accuracy of the multivariable model at the horizon
 *   validate                        TRIPOD validation of that model at the horizon
 *   tdc_<feature>                   counting-process Cox of a feature switched on at its day (survival split + cox --start)
 *   cif_all, cif_<group>, cox_crc   cancer-specific endpoint: cumulative incidence of colorectal-cancer vs other
 *                                   death, cause-specific Cox (from cause_of_death.tsv)
 * `oncoconcord survival plan` decides what runs (docs/SURVIVAL.md "In the pipeline"): it writes
 * survival.commands (run in one JVM by `oncoconcord batch`), survival/skipped.tsv (every analysis
 * left out, with its reason) and survival/plan.json.
 *
 * opts: endpoints, covariates, km_groups, univariable, landmark, coxnet, coxnet_unpenalized, horizon,
 * time_dependent, cancer_specific (the pipeline parameters of the same names).
 */
include { taskJavaOpts; versionsLine; stubVersionsLine } from '../../../subworkflows/local/utils_oncoconcord/main'

process SURVIVAL {
    tag "${opts.endpoints ?: 'no endpoint'}"
    label 'process_single'

    input:
    tuple path(features), path(columns)
    val opts

    output:
    path 'survival'    , emit: dir
    path 'versions.yml', emit: versions

    script:
    def q = { v -> "'" + (v == null ? '' : v.toString()).replace("'", "'\\''") + "'" }
    def args = [ km: task.ext.args_km, cox: task.ext.args_cox, uni: task.ext.args_uni, coxnet: task.ext.args_coxnet,
                 cv: task.ext.args_cv, validate: task.ext.args_validate, tdc: task.ext.args_tdc, cif: task.ext.args_cif ]
    def options = [ endpoints: opts.endpoints, covariates: opts.covariates, 'km-groups': opts.km_groups,
                    univariable: opts.univariable, landmark: opts.landmark, coxnet: opts.coxnet,
                    'coxnet-unpenalized': opts.coxnet_unpenalized, horizon: opts.horizon,
                    'time-dependent': opts.time_dependent, 'cancer-specific': opts.cancer_specific ]
    def planArgs = options.collect { k, v -> "--${k}=${q(v)}" } + args.collect { k, v -> "--args-${k}=${q(v ?: '')}" }
    """
    export ONCOCONCORD_JAVA_OPTS="${taskJavaOpts(task)}"
    oncoconcord survival plan --features ${features} --columns ${columns} ${planArgs.join(' ')} \\
        --out survival --commands survival.commands \\
      && oncoconcord batch survival.commands
    ${versionsLine(task)}
    """

    stub:
    def times = (opts.endpoints ?: '').toString().tokenize(',')*.trim().findAll { it }.collect { it.tokenize(':')[0] }
    def dirs = times.collect { t -> "survival/${t}/cox survival/${t}/cv survival/${t}/validate survival/${t}/km_all survival/${t}/coxnet" }
    def files = times.collect { t ->
        "survival/${t}/cox/coefficients.tsv survival/${t}/cv/cv.json survival/${t}/validate/validation.json survival/${t}/km_all/km.tsv " +
        "survival/${t}/coxnet/coefficients.tsv survival/${t}/univariable.tsv"
    }
    """
    mkdir -p survival ${dirs.join(' ')}
    touch survival/skipped.tsv survival/plan.json ${files.join(' ')}
    ${stubVersionsLine(task)}
    """
}
