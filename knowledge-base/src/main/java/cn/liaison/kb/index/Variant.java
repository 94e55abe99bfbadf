package cn.liaison.kb.index;

/**
 * One indexed text of an owner (an entry or a forward department): a question variant, a title,
 * a forward matter or keyword, or an entry's answer body.
 *
 * @param owner  entry ordinal, or entries.size() + department ordinal for forward rules
 * @param tokens per analyser (in config order), distinct tokens
 * @param weights per analyser, the sum of the tokens' IDF
 */
record Variant(int owner, boolean body, String text, String[][] tokens, double[] weights) {
}
