import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build step (run by the backend's pom with the JDK's single-file launcher, so the build needs no
 * binutils): copies every file under FROM to the same place under TO, dropping from 64-bit
 * little-endian ELF files the sections a loader never maps (debug info, symbol table, comments).
 * The embedded-redis binary and DJL's tokenizer library ship with debug info: 4 MB of the jar.
 *
 * <p>Only the safe shape is rewritten: every mapped section must come before every dropped one in
 * the section table, and no kept section may link to a dropped one. Anything else is copied as it is.
 */
public final class StripElfDebug {

    private static final int SHF_ALLOC = 0x2;
    private static final int SHF_INFO_LINK = 0x40;
    private static final int SHT_NOBITS = 8;

    public static void main(String[] args) throws IOException {
        Path from = Path.of(args[0]);
        Path to = Path.of(args[1]);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            Path target = to.resolve(from.relativize(file).toString());
            Files.createDirectories(target.getParent());
            byte[] in = Files.readAllBytes(file);
            byte[] out = strip(in);
            Files.write(target, out);
            System.out.printf("StripElfDebug: %s %d -> %d bytes%n", from.relativize(file), in.length, out.length);
        }
    }

    static byte[] strip(byte[] elf) {
        if (elf.length < 64 || elf[0] != 0x7f || elf[1] != 'E' || elf[2] != 'L' || elf[3] != 'F'
                || elf[4] != 2 || elf[5] != 1) {
            return elf;
        }
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        long phoff = b.getLong(32);
        long shoff = b.getLong(40);
        int phentsize = b.getShort(54) & 0xffff;
        int phnum = b.getShort(56) & 0xffff;
        int shentsize = b.getShort(58) & 0xffff;
        int shnum = b.getShort(60) & 0xffff;
        int shstrndx = b.getShort(62) & 0xffff;
        if (shentsize != 64 || shnum == 0 || shstrndx >= shnum) {
            return elf;
        }
        long mappedEnd = phoff + (long) phentsize * phnum;
        for (int i = 0; i < phnum; i++) {
            int p = (int) (phoff + (long) i * phentsize);
            mappedEnd = Math.max(mappedEnd, b.getLong(p + 8) + b.getLong(p + 32));
        }
        int kept = 1;
        while (kept < shnum && (b.getLong(section(shoff, kept) + 8) & SHF_ALLOC) != 0) {
            kept++;
        }
        for (int i = kept; i < shnum; i++) {
            if ((b.getLong(section(shoff, i) + 8) & SHF_ALLOC) != 0) {
                return elf;
            }
        }
        for (int i = 1; i < kept; i++) {
            int s = section(shoff, i);
            long flags = b.getLong(s + 8);
            boolean inFile = b.getInt(s + 4) == SHT_NOBITS || b.getLong(s + 24) + b.getLong(s + 32) <= mappedEnd;
            boolean infoLinks = (flags & SHF_INFO_LINK) != 0 && b.getInt(s + 44) >= kept;
            if (!inFile || b.getInt(s + 40) >= kept || infoLinks) {
                return elf;
            }
        }
        if (shstrndx < kept || kept == shnum) {
            return elf;
        }
        int names = section(shoff, shstrndx);
        int namesOffset = (int) b.getLong(names + 24);
        int namesSize = (int) b.getLong(names + 32);
        int namesAt = (int) mappedEnd;
        int tableAt = (namesAt + namesSize + 7) & ~7;
        ByteBuffer out = ByteBuffer.allocate(tableAt + 64 * (kept + 1)).order(ByteOrder.LITTLE_ENDIAN);
        out.put(elf, 0, namesAt);
        out.put(namesAt, elf, namesOffset, namesSize);
        out.put(tableAt, elf, (int) shoff, 64 * kept);
        int newNames = tableAt + 64 * kept;
        out.put(newNames, elf, names, 64);
        out.putLong(newNames + 16, 0);
        out.putLong(newNames + 24, namesAt);
        out.putLong(40, tableAt);
        out.putShort(60, (short) (kept + 1));
        out.putShort(62, (short) kept);
        return out.array();
    }

    private static int section(long shoff, int index) {
        return (int) (shoff + 64L * index);
    }
}
