/** The app-facing API of one device, with the conventions a messaging-app developer expects. */
package org.p2psim.client;
