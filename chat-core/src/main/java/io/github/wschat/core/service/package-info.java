/**
 * The use cases' implementations, wired to the outgoing ports through their constructors.
 * {@link io.github.wschat.core.service.ChatServices} builds all of them at once.
 */
package io.github.wschat.core.service;
