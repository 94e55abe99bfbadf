/** The Lucene index over entries and forward rules, retrieval, confidence and the live, swappable index. */
package cn.liaison.kb.index;
