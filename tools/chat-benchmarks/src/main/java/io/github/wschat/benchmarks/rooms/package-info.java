/**
 * The rooms benchmark (issue 11 point 6): a broadcast to a room of 1,000 members while the tables hold 1,000,
 * 10,000 and 50,000 other connections, through this project's {@code publish} (a Query of the room's partition)
 * and a Scan-and-filter baseline side by side; publish-to-last-receipt p50/p99 over many publishes; and the cost of
 * a resume (history pages for 100 and 1,000 missed messages). {@link io.github.wschat.benchmarks.rooms.RoomsBenchmark}
 * drives it against the fan-out server started with the room tables; {@code ./run-benchmarks.sh --only rooms}
 * runs it alone and writes {@code tools/chat-benchmarks/results/ROOMS.md}.
 */
package io.github.wschat.benchmarks.rooms;
