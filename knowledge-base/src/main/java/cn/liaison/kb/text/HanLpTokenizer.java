package cn.liaison.kb.text;

import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/** A Lucene tokenizer over a HanLP segment; punctuation and whitespace are dropped. */
final class HanLpTokenizer extends Tokenizer {
    private final Segment segment;
    private final CharTermAttribute termAttribute = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAttribute = addAttribute(OffsetAttribute.class);
    private Iterator<Term> terms = Collections.emptyIterator();
    private int length;

    HanLpTokenizer(Segment segment) {
        this.segment = segment;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[1024];
        for (int read = input.read(buffer); read != -1; read = input.read(buffer)) {
            text.append(buffer, 0, read);
        }
        length = text.length();
        terms = segment.seg(text.toString()).iterator();
    }

    @Override
    public boolean incrementToken() {
        clearAttributes();
        while (terms.hasNext()) {
            Term term = terms.next();
            if (skip(term)) {
                continue;
            }
            termAttribute.append(term.word);
            offsetAttribute.setOffset(correctOffset(term.offset), correctOffset(term.offset + term.length()));
            return true;
        }
        return false;
    }

    private static boolean skip(Term term) {
        if (term.word.isBlank()) {
            return true;
        }
        return term.word.codePoints().noneMatch(Character::isLetterOrDigit);
    }

    @Override
    public void end() throws IOException {
        super.end();
        int end = correctOffset(length);
        offsetAttribute.setOffset(end, end);
    }

    @Override
    public void close() throws IOException {
        super.close();
        terms = Collections.emptyIterator();
    }
}
