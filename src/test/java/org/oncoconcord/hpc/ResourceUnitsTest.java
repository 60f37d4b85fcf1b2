package org.oncoconcord.hpc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Slurm's and Nextflow's ways of writing memory and time, as compared by SlurmPipelineIT. */
class ResourceUnitsTest {
    @Test
    void memory() {
        assertThat(SlurmPipelineIT.slurmMegabytes("2G")).isEqualTo(2048);
        assertThat(SlurmPipelineIT.slurmMegabytes("2048M")).isEqualTo(2048);
        assertThat(SlurmPipelineIT.slurmMegabytes("1536")).isEqualTo(1536);
        assertThat(SlurmPipelineIT.traceMegabytes("2 GB")).isEqualTo(2048);
        assertThat(SlurmPipelineIT.traceMegabytes("1.5 GB")).isEqualTo(1536);
        assertThat(SlurmPipelineIT.traceMegabytes("512 MB")).isEqualTo(512);
    }

    @Test
    void time() {
        assertThat(SlurmPipelineIT.slurmSeconds("01:00:00")).isEqualTo(3600);
        assertThat(SlurmPipelineIT.slurmSeconds("1-04:00:00")).isEqualTo(100800);
        assertThat(SlurmPipelineIT.slurmSeconds("30:00")).isEqualTo(1800);
        assertThat(SlurmPipelineIT.traceSeconds("1h")).isEqualTo(3600);
        assertThat(SlurmPipelineIT.traceSeconds("1d 4h")).isEqualTo(100800);
        assertThat(SlurmPipelineIT.traceSeconds("2h 30m")).isEqualTo(9000);
    }

    @Test
    void scontrolKeyValues() {
        var m = SlurmPipelineIT.keyValues("JobId=7 JobName=nf-X JobState=COMPLETED Partition=local NumCPUs=2 WorkDir=/w/ab/cd");
        assertThat(m).containsEntry("JobState", "COMPLETED").containsEntry("NumCPUs", "2").containsEntry("WorkDir", "/w/ab/cd");
    }
}
