/*
 * Survival models on the cohort's per-patient features (`oncoconcord survival`): Kaplan-Meier
 * curves with log-rank tests per grouping column, a Cox model, and cross-validated accuracy at
 * the horizon. Outputs in survival/<time column>/{km_all,km_<group>,cox,cv}.
 */
process SURVIVAL {
    tag "${time_col}"
    label 'process_single'

    input:
    path features
    val  time_col
    val  event_col
    val  covariates    // comma-separated feature columns for cox and cv
    val  km_groups     // comma-separated grouping columns for km
    val  horizon       // days

    output:
    path 'survival'    , emit: dir
    path 'versions.yml', emit: versions

    script:
    def args_km  = task.ext.args_km  ?: ''
    def args_cox = task.ext.args_cox ?: ''
    def args_cv  = task.ext.args_cv  ?: ''
    def xmx = task.memory ? "-Xmx${(task.memory.toMega() * 0.8) as long}m" : '-Xmx1g'
    def data = "--data ${features} --time ${time_col} --event ${event_col}"
    def out = "survival/${time_col}"
    def at = (0..4).collect { ((it * (horizon as int)) / 2) as int }.join(',')
    def kms = km_groups.tokenize(',').collect { g ->
        "oncoconcord survival km ${args_km} ${data} --group ${g} --at ${at} --out ${out}/km_${g}"
    }
    """
    export ONCOCONCORD_JAVA_OPTS="${xmx} -XX:+UseSerialGC"
    mkdir -p ${out}
    oncoconcord survival km ${args_km} ${data} --at ${at} --out ${out}/km_all
    ${kms.join('\n    ')}
    oncoconcord survival cox ${args_cox} ${data} --covariates ${covariates} --out ${out}/cox
    oncoconcord survival cv ${args_cv} ${data} --covariates ${covariates} --horizon ${horizon} --out ${out}/cv

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        oncoconcord: \$(oncoconcord --version | sed 's/^oncoconcord //')
    END_VERSIONS
    """

    stub:
    """
    mkdir -p survival/${time_col}/cox survival/${time_col}/cv survival/${time_col}/km_all
    touch survival/${time_col}/cox/coefficients.tsv survival/${time_col}/cv/cv.json survival/${time_col}/km_all/km.tsv
    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        oncoconcord: stub
    END_VERSIONS
    """
}
