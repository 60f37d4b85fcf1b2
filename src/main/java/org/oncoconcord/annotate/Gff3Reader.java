package org.oncoconcord.annotate;

import htsjdk.tribble.TribbleException;
import htsjdk.tribble.annotation.Strand;
import htsjdk.tribble.gff.Gff3Codec;
import htsjdk.tribble.gff.Gff3Feature;
import htsjdk.tribble.readers.LineIterator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oncoconcord.core.UserException;

/**
 * Reads Ensembl, GENCODE or RefSeq GFF3 (plain, gzip or BGZF: {@link ModelText}) with htsjdk's
 * {@link Gff3Codec} into one transcript per gene ({@link TranscriptModels} chooses it). {@code exon}, {@code CDS} and
 * {@code stop_codon} features name their transcript by {@code Parent}; a transcript's gene is its
 * {@code gene_name} (GENCODE) or {@code gene} (RefSeq) attribute, else its parent gene's
 * {@code Name}; its id is {@code transcript_id} (with Ensembl's {@code version} when unversioned), else its {@code ID} without Ensembl's
 * {@code transcript:} prefix; tags {@code MANE_Select} (Ensembl, GENCODE) and {@code MANE Select}
 * (RefSeq) rank it first. Children may come before their parents. Bad lines are errors naming
 * {@code file:line}.
 */
public final class Gff3Reader {
    private Gff3Reader() {
    }

    private record Part(int line, String type, List<String> parents, String chrom, Strand strand, int start, int end) {
    }

    /**
     * A feature that can be the parent of exons and CDS (a transcript or a gene): only the attributes
     * read, not htsjdk's whole map (a genome-wide GFF3 holds ~1M such features).
     */
    private record Parent(String type, String chrom, String transcriptId, String geneName, String gene, String name,
                          String geneId, List<String> tags, List<String> parents) {
        static Parent of(Gff3Feature f, String chrom) {
            String id = first(f, "transcript_id");
            String version = first(f, "version");
            if (id != null && version != null && id.indexOf('.') < 0) {
                id = id + "." + version; // Ensembl: transcript_id=ENST00000256078;version=4
            }
            return new Parent(f.getType(), chrom, id, first(f, "gene_name"), first(f, "gene"), first(f, "Name"),
                    first(f, "gene_id"), List.copyOf(f.getAttribute("tag")), List.copyOf(f.getAttribute("Parent")));
        }

        private static String first(Gff3Feature f, String key) {
            List<String> v = f.getAttribute(key);
            return v.isEmpty() || v.get(0).isEmpty() ? null : v.get(0);
        }
    }

    /**
     * Features that are never the parent of an exon or CDS: not kept, and their IDs may repeat (GENCODE
     * gives every segment of a transcript's 5' UTR the ID {@code UTR5:<transcript>}).
     */
    private static final Set<String> LEAVES = Set.of("five_prime_UTR", "three_prime_UTR", "UTR", "start_codon",
            "Selenocysteine", "stop_codon_redefined_as_selenocysteine", "intron", "exon_junction", "polyA_site");

    /** Reads {@code gff3}; a malformed line or inconsistent transcript is a {@link UserException} naming file and line. */
    public static TranscriptSet read(Path gff3) {
        Map<String, Parent> byId = new HashMap<>();
        // parts whose transcript (or its gene's name) comes later in the file: modelled at the end
        List<Part> later = new ArrayList<>();
        TranscriptModels models = new TranscriptModels(gff3);
        Gff3Codec codec = new Gff3Codec(Gff3Codec.DecodeDepth.SHALLOW);
        try (BufferedReader in = ModelText.open(gff3)) {
            CountingLines lines = new CountingLines(in);
            if (!lines.hasNext() || !lines.peek().startsWith("##gff-version 3")) {
                throw new UserException(gff3 + ":1: not GFF3: the first line must be '##gff-version 3'");
            }
            String chrom = "";
            try {
                codec.readHeader(lines);
                while (!codec.isDone(lines)) {
                    Gff3Feature f = codec.decode(lines);
                    if (f == null) {
                        continue;
                    }
                    String type = f.getType();
                    chrom = f.getContig().equals(chrom) ? chrom : f.getContig(); // one String per contig, not per line
                    if (type.equals("exon") || type.equals("CDS") || type.equals("stop_codon")) {
                        List<String> parents = f.getAttribute("Parent");
                        if (parents.isEmpty()) {
                            throw new UserException(gff3 + ":" + lines.number + ": " + type + " without a Parent attribute");
                        }
                        Part part = new Part(lines.number, type, List.copyOf(parents), chrom, f.getStrand(), f.getStart(), f.getEnd());
                        if (resolvable(part, byId)) {
                            add(part, byId, models, gff3);
                        } else {
                            later.add(part);
                        }
                    } else if (f.getID() != null && !LEAVES.contains(type)) {
                        Parent before = byId.putIfAbsent(f.getID(), Parent.of(f, chrom));
                        // the same ID on several lines of one type and contig is one feature in pieces (GFF3); else an error
                        if (before != null && (!before.type().equals(type) || !before.chrom().equals(chrom))) {
                            throw new UserException(gff3 + ":" + lines.number + ": ID " + f.getID() + " is used twice (a "
                                    + before.type() + " on " + before.chrom() + " and a " + type + " on " + chrom + ")");
                        }
                    }
                }
            } catch (TribbleException e) {
                throw new UserException(gff3 + ":" + lines.number + ": " + e.getMessage());
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof java.nio.charset.CharacterCodingException c) {
                    throw ModelText.notText(gff3, "GFF3", c);
                }
                throw new UserException(gff3 + ": cannot read: " + e.getCause().getMessage());
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw ModelText.notText(gff3, "GFF3", e);
        } catch (IOException e) {
            throw new UserException(gff3 + ": cannot read: " + e.getMessage());
        }
        for (Part p : later) {
            add(p, byId, models, gff3);
        }
        return models.build("GFF3");
    }

    /** Whether every parent of {@code p}, and the gene naming it when it has no gene name of its own, has been read. */
    private static boolean resolvable(Part p, Map<String, Parent> byId) {
        for (String parentId : p.parents()) {
            Parent tx = byId.get(parentId);
            if (tx == null) {
                return false;
            }
            if (!tx.type().endsWith("gene") && tx.geneName() == null && tx.gene() == null) {
                for (String g : tx.parents()) {
                    if (!byId.containsKey(g)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Models part {@code p} under each of its transcripts. */
    private static void add(Part p, Map<String, Parent> byId, TranscriptModels models, Path gff3) {
        String where = gff3 + ":" + p.line() + ": ";
        if (p.strand() != Strand.POSITIVE && p.strand() != Strand.NEGATIVE) {
            throw new UserException(where + p.type() + " has no strand (+ or -)");
        }
        for (String parentId : p.parents()) {
            Parent tx = byId.get(parentId);
            if (tx == null) {
                throw new UserException(where + "Parent " + parentId + " is not the ID of any feature in the file");
            }
            if (tx.type().endsWith("gene")) {
                continue; // an exon straight under a gene (no transcript): nothing to model
            }
            String id = tx.transcriptId() != null ? tx.transcriptId() : parentId.replaceFirst("^transcript:", "");
            String gene = tx.geneName() != null ? tx.geneName() : tx.gene() != null ? tx.gene() : geneOfParent(tx, byId);
            if (gene == null) {
                throw new UserException(where + "transcript " + parentId + " has no gene_name or gene attribute and no parent gene with a Name");
            }
            models.add(p.line(), p.type(), id, gene, p.chrom(), p.strand() == Strand.POSITIVE, p.start(), p.end(),
                    TranscriptModels.rank(tx.tags()));
        }
    }

    /** The Name (else gene_name, else gene_id) of the first parent gene of {@code tx} that has one. */
    private static String geneOfParent(Parent tx, Map<String, Parent> byId) {
        for (String g : tx.parents()) {
            Parent gene = byId.get(g);
            if (gene != null) {
                String n = gene.name() != null ? gene.name() : gene.geneName() != null ? gene.geneName() : gene.geneId();
                if (n != null) {
                    return n;
                }
            }
        }
        return null;
    }

    /** htsjdk's line source, counting the lines handed out so that errors can name the line. */
    private static final class CountingLines implements LineIterator {
        private final BufferedReader in;
        private String next;
        int number;

        CountingLines(BufferedReader in) throws IOException {
            this.in = in;
            this.next = in.readLine();
        }

        @Override
        public String peek() {
            return next;
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public String next() {
            String line = next;
            number++;
            try {
                next = in.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return line;
        }
    }
}
