/**
 * The {@code want-list} strategy: summaries of held ids (HAVE) and explicit requests for the missing
 * ones (WANT), repeated until answered.
 */
package org.p2psim.sync.wantlist;
