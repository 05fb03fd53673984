/** Helpers shared by the api's packages. Not API: not exported, may change in any release. */
package dev.telltale.api.internal;
