/** Measures retrieval on a labelled question set (the dev set) and tunes the thresholds. */
package cn.liaison.kb.eval;
