/** Text handling shared by indexing and querying: normalisation, synonyms and the Chinese analysers. */
package cn.liaison.kb.text;
