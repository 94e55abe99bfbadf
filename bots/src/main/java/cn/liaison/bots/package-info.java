/**
 * Dialogue engines (mini-program chat bot, hotline assist bot) and channel codecs. They reach the
 * rest of the system only through ports that the backend implements.
 */
package cn.liaison.bots;
