/**
 * The knowledge base: content loading and validation, the Lucene index, retrieval and answer
 * composition. Depends on neither Vert.x web nor MongoDB, so the CLI and the service share it.
 */
package cn.liaison.kb;
