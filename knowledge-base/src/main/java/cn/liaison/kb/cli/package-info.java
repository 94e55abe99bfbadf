/** The command line: {@code ask}, {@code eval} and {@code validate} (a stable contract for other tools). */
package cn.liaison.kb.cli;
