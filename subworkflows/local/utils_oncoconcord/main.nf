/*
 * Functions shared by the modules and the workflow (included where used; no process here):
 * the JVM options and versions.yml line of a task, and the MultiQC sections the workflow makes.
 */

/** ONCOCONCORD_JAVA_OPTS for a task: a heap of 80% of task.memory (1 GB when unset), serial GC. */
def taskJavaOpts(task) {
    def xmx = task.memory ? "-Xmx${(task.memory.toMega() * 0.8) as long}m" : '-Xmx1g'
    return "${xmx} -XX:+UseSerialGC"
}

/**
 * One shell line writing versions.yml for task.process: oncoconcord's version plus `extra`
 * (tool name -> shell command printing its version).
 */
def versionsLine(task, Map extra = [:]) {
    def tools = [ oncoconcord: "oncoconcord --version | sed 's/^oncoconcord //'" ] + extra
    def lines = tools.collect { tool, cmd -> "\"    ${tool}: \$(${cmd})\"" }
    return "printf '%s\\n' '\"${task.process}\":' ${lines.join(' ')} > versions.yml"
}

/**
 * The samples of a patient (batch meta entry) whose reads PILEUP counts and CONCORDANCE lays over the
 * calls (docs/PILEUP.md): compared (non-normal) samples with a `bam`, for a patient that is compared
 * (two or more samples); empty otherwise.
 */
def evidenceSamples(Map patient) {
    return patient.samples.size() >= 2 ? patient.samples.findAll { it.bam && it.type != 'normal' } : []
}

/** versions.yml of a -stub-run task. */
def stubVersionsLine(task) {
    return "printf '%s\\n' '\"${task.process}\":' '    oncoconcord: stub' > versions.yml"
}

def htmlEscape(Object s) {
    return s.toString().replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
}

def mqcHtmlSection(String id, String name, String description, String html) {
    return [ "id: '${id}'", "section_name: '${name}'", "description: '${description}'", "plot_type: 'html'", 'data: |',
             html.readLines().collect { "    ${it}" }.join('\n') ].join('\n') + '\n'
}

/** software_versions.yml ("PROCESS:" then "    tool: version" lines) as an HTML table section. */
def versionsSection(String yml) {
    def rows = []
    String process = null
    yml.readLines().each { line ->
        if (line.trim().isEmpty()) {
            return
        }
        if (!line.startsWith(' ')) {
            process = line.replaceAll(/^"|":?$|:$/, '').replace('"', '')
        } else {
            def kv = line.trim().split(':', 2)
            rows << "<tr><td>${htmlEscape(process)}</td><td>${htmlEscape(kv[0])}</td><td>${htmlEscape(kv.size() > 1 ? kv[1].trim() : '')}</td></tr>"
        }
    }
    def html = "<table class=\"table table-condensed\">\n<thead><tr><th>Process</th><th>Software</th><th>Version</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>"
    return mqcHtmlSection('oncoconcord_software_versions', 'Software versions', 'Versions reported by every step of the run.', html)
}

/**
 * The run's parameters (set ones), profile and Nextflow version as an HTML definition list; nothing
 * that changes from run to run (run name, command line), so -resume finds MULTIQC cached.
 */
def parametersSection(Map params, workflow) {
    def items = params.findAll { k, v -> v != null && !k.contains('-') && !(k ==~ /.*[A-Z].*/) }
        .sort { it.key }
        .collect { k, v -> "<dt>${htmlEscape(k)}</dt><dd><samp>${htmlEscape(v)}</samp></dd>" }
    items << "<dt>-profile</dt><dd><samp>${htmlEscape(workflow.profile)}</samp></dd>"
    items << "<dt>Nextflow</dt><dd><samp>${htmlEscape(workflow.nextflow.version)}</samp></dd>"
    def html = "<dl class=\"dl-horizontal\">\n${items.join('\n')}\n</dl>"
    return mqcHtmlSection('oncoconcord_workflow_summary', 'Run parameters', 'The parameters of this run (pipeline_info/params.json has them all).', html)
}
