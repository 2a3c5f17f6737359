/**
 * The app-facing API of one device, with the conventions a messaging-app developer expects
 * (seed 004 §14, modelled on Telegram's and Slack's client APIs): {@link org.p2psim.client.Client}
 * sends and reads messages ({@code sendMessage}, {@code reply}, {@code getMessages} with cursors),
 * searches them ({@code searchMessages}, SQLite FTS5), shares and fetches files ({@code uploadFile},
 * {@code files}, {@code downloadFile}, a {@link org.p2psim.device.FilePolicy}), records membership
 * and reports {@code syncStatus}. Every read is a prepared statement on the device's own SQLite views.
 *
 * <p>{@code Client} is a thin façade, made over a device with {@code Client.of(device)} or
 * {@code sim.client(name)}; the work is in its parts, each with its SQL: {@code MessagesApi},
 * {@code FilesApi}, {@code MembershipApi}, {@code StatusApi}, over {@code ClientDevice} (what they
 * use of the device). Receiving, view derivation and chunk admission are the device's, not the client's.
 */
package org.p2psim.client;
