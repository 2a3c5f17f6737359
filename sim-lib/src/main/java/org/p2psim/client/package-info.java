/**
 * The app-facing API of one device, with the conventions a messaging-app developer expects
 * (seed 004 §14, modelled on Telegram's and Slack's client APIs): {@link org.p2psim.client.Client}
 * sends and reads messages ({@code sendMessage}, {@code reply}, {@code getMessages} with cursors),
 * searches them ({@code searchMessages}, SQLite FTS5), shares and fetches files ({@code uploadFile},
 * {@code files}, {@code downloadFile}, a {@link org.p2psim.device.FilePolicy}) and reports
 * {@code syncStatus}. Every read is a prepared statement on the device's own SQLite views.
 */
package org.p2psim.client;
