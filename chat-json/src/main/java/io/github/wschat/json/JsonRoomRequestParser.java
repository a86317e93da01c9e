package io.github.wschat.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.jr.ob.JSON;
import io.github.wschat.core.domain.ChatError;
import io.github.wschat.core.domain.MessageId;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.RoomRequest;
import io.github.wschat.core.port.out.RoomRequestParser;

import java.io.IOException;

/**
 * Reads the body of a room command (PROTOCOL §1, §3–5) with jackson-jr's streaming parser, in one
 * pass over the body and without building a tree of it: {@code join}, {@code leave} and
 * {@code members} read {@code room}; {@code publish} reads {@code room}, {@code id} and {@code text};
 * {@code history} reads {@code room}, {@code after} (integer ≥ 0, default 0) and {@code limit}
 * (integer 1–100, default 100). Every command may carry {@code ref}. Fields the protocol does not
 * name are skipped unread, whatever they hold.
 *
 * <p>Anything else is a {@link RoomRequest.Invalid} with a {@code bad_request} error naming the field,
 * in words that never echo a value of the body (only a number out of range is shown):
 * <ul>
 *   <li>{@code body is empty}, {@code body is not valid JSON}, {@code body must be a JSON object, was an array};</li>
 *   <li>{@code body has no "room" field}, {@code "room" must be a string, was a number},
 *       {@code "room" must be 1 to 64 characters of A-Z a-z 0-9 _ - . :} (and alike for {@code action},
 *       {@code id}, {@code text});</li>
 *   <li>{@code "limit" must be an integer from 1 to 100, was 101}, {@code "after" must be an integer of at
 *       least 0, was a string};</li>
 *   <li>{@code "room" is given more than once}: a field the command reads, {@code action} and {@code ref}
 *       included, may appear once only, so that no reader of the body can take another value than this
 *       one (API Gateway routes on {@code action} before this parser sees it).</li>
 * </ul>
 * The error carries the body's {@code ref} when it is valid, also when the body stops being JSON after
 * it (a frame cut short); a {@code ref} that is not a string of at most 64 characters (or {@code null}, or
 * given twice) is itself the {@code bad_request}, without ref. A {@code text} that is empty or too long is read as it is: the
 * publish use case judges its size ({@link io.github.wschat.core.domain.TextLimit}). Stateless and
 * thread-safe; never throws.
 *
 * <pre>{@code
 * RoomRequest request = new JsonRoomRequestParser().parse("{\"action\":\"join\",\"room\":\"lobby\",\"ref\":\"1\"}");
 * // new RoomRequest.Join(RoomName.of("lobby"), "1")
 * }</pre>
 */
public final class JsonRoomRequestParser implements RoomRequestParser {

    private static final String ROOM_RULE = "1 to " + RoomName.MAX_LENGTH + " characters of A-Z a-z 0-9 _ - . :";
    private static final String ID_RULE = "1 to " + MessageId.MAX_LENGTH + " characters of A-Z a-z 0-9 _ -";
    private static final String REF_RULE = "a string of at most " + RoomRequest.MAX_REF_LENGTH + " characters";
    private static final String ACTIONS = "join, leave, members, publish, history";

    private final JsonFactory factory = JSON.std.getStreamingFactory();

    @Override
    public RoomRequest parse(String body) {
        return read(body, new Body(false));
    }

    /**
     * Reads the body of the server API's post ({@code POST /rooms/{room}/messages}, PROTOCOL §7),
     * {@code {"id":…,"text":…}}, as the {@code publish} of {@code room}: the same rules and the same
     * {@code bad_request} words for {@code id} and {@code text} and for a body that is not a JSON object. Every other
     * field ({@code action}, {@code room}, {@code ref} among them) is skipped unread: the room is the path's, and a
     * call over HTTP has no ref.
     *
     * @return a {@link RoomRequest.Publish} of {@code room} without ref, or {@link RoomRequest.Invalid}
     */
    public RoomRequest parsePost(RoomName room, String body) {
        Body fields = new Body(true);
        fields.room.given(room.value());
        return read(body, fields);
    }

    private RoomRequest read(String body, Body fields) {
        if (body == null || body.isBlank()) {
            return invalid("body is empty", null);
        }
        try (JsonParser parser = factory.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                parser.skipChildren();
                requireEnd(parser);
                return invalid("body must be a JSON object, was " + typeName(first), null);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                Field field = fields.named(name);
                if (field == null) {
                    parser.skipChildren();
                } else {
                    field.read(parser, value);
                }
            }
            requireEnd(parser);
        } catch (IOException | RuntimeException e) {
            // jackson's message quotes the body: never shown; a ref read before the break is still the client's
            return invalid("body is not valid JSON", fields.refReadSoFar());
        }
        return fields.post ? fields.publish(null) : fields.request();
    }

    /** Exactly one JSON value: trailing content makes the body invalid. */
    private static void requireEnd(JsonParser parser) throws IOException {
        if (parser.nextToken() != null) {
            throw new IOException("trailing content after the JSON value");
        }
    }

    private static RoomRequest.Invalid invalid(String description, String ref) {
        return new RoomRequest.Invalid(ChatError.badRequest(description, ref));
    }

    static String typeName(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> "not a value";
        };
    }

    /** The fields of a body that the protocol names, as read; the checks happen after the whole body was read. */
    private static final class Body {

        /** No action has more characters: a longer string is none of them, and is not kept. */
        private static final int ACTIONS_MAX_LENGTH = "members".length();

        private final Field action = new Field("action", ACTIONS_MAX_LENGTH);
        private final Field ref = new Field("ref", RoomRequest.MAX_REF_LENGTH);
        private final Field room = new Field("room", RoomName.MAX_LENGTH);
        private final Field id = new Field("id", MessageId.MAX_LENGTH);
        private final Field text = new Field("text", Integer.MAX_VALUE);
        private final Field after = new Field("after", 0);
        private final Field limit = new Field("limit", 0);
        /** A post's body: {@code id} and {@code text} only, the room given. */
        private final boolean post;

        Body(boolean post) {
            this.post = post;
        }

        Field named(String name) {
            if (post) {
                return switch (name) {
                    case "id" -> id;
                    case "text" -> text;
                    default -> null;
                };
            }
            return switch (name) {
                case "action" -> action;
                case "ref" -> ref;
                case "room" -> room;
                case "id" -> id;
                case "text" -> text;
                case "after" -> after;
                case "limit" -> limit;
                default -> null;
            };
        }

        /** The {@code ref} when one valid ref has been read, else {@code null}: for a body that breaks off later. */
        String refReadSoFar() {
            return ref.count == 1 && ref.token == JsonToken.VALUE_STRING ? ref.value : null;
        }

        RoomRequest request() {
            if (ref.count > 1) {
                return invalid(ref.givenTwice(), null);
            }
            if (ref.count == 1 && ref.token != JsonToken.VALUE_STRING) {
                return invalid("\"ref\" must be " + REF_RULE + ", was " + typeName(ref.token), null);
            }
            if (ref.count == 1 && ref.value == null) {
                return invalid("\"ref\" must be " + REF_RULE + ", has " + ref.length, null);
            }
            String refValue = ref.value;
            String problem = action.problemAsString();
            if (problem != null) {
                return invalid(problem, refValue);
            }
            if (action.value == null) {
                // a string longer than any action
                return invalid("\"action\" must be one of " + ACTIONS, refValue);
            }
            return switch (action.value) {
                case "join", "leave", "members" -> roomCommand(action.value, refValue);
                case "publish" -> publish(refValue);
                case "history" -> history(refValue);
                default -> invalid("\"action\" must be one of " + ACTIONS, refValue);
            };
        }

        private RoomRequest roomCommand(String name, String refValue) {
            String problem = roomProblem();
            if (problem != null) {
                return invalid(problem, refValue);
            }
            RoomName roomName = RoomName.of(room.value);
            return switch (name) {
                case "join" -> new RoomRequest.Join(roomName, refValue);
                case "leave" -> new RoomRequest.Leave(roomName, refValue);
                default -> new RoomRequest.Members(roomName, refValue);
            };
        }

        private RoomRequest publish(String refValue) {
            String problem = roomProblem();
            if (problem == null) {
                problem = id.problemAsString();
            }
            if (problem == null && !MessageId.isValid(id.value)) {
                problem = "\"id\" must be " + ID_RULE;
            }
            if (problem == null) {
                problem = text.problemAsString();
            }
            if (problem != null) {
                return invalid(problem, refValue);
            }
            return new RoomRequest.Publish(RoomName.of(room.value), MessageId.of(id.value), text.value, refValue);
        }

        private RoomRequest history(String refValue) {
            String problem = roomProblem();
            if (problem == null) {
                problem = after.problemAsInteger(0, Long.MAX_VALUE, "an integer of at least 0");
            }
            if (problem == null) {
                problem = limit.problemAsInteger(1, RoomRequest.MAX_LIMIT, "an integer from 1 to " + RoomRequest.MAX_LIMIT);
            }
            if (problem != null) {
                return invalid(problem, refValue);
            }
            long afterValue = after.count == 0 ? RoomRequest.DEFAULT_AFTER : after.number;
            int limitValue = limit.count == 0 ? RoomRequest.DEFAULT_LIMIT : (int) limit.number;
            return new RoomRequest.History(RoomName.of(room.value), afterValue, limitValue, refValue);
        }

        private String roomProblem() {
            String problem = room.problemAsString();
            if (problem == null && !RoomName.isValid(room.value)) {
                problem = "\"room\" must be " + ROOM_RULE;
            }
            return problem;
        }
    }

    /** One field of the body as read: how often, its token, and its string (when short enough to be kept) or integer. */
    private static final class Field {

        private final String name;
        private final int maxKeptLength;
        private int count;
        private JsonToken token;
        /** The string, when it is one of at most {@link #maxKeptLength} characters; else {@code null}. */
        private String value;
        private int length;
        /** The integer, when it is one that fits a {@code long}. */
        private long number;
        private boolean isLong;

        Field(String name, int maxKeptLength) {
            this.name = name;
            this.maxKeptLength = maxKeptLength;
        }

        /** The field as given once, as a string, from outside the body (a post's room, from its path). */
        void given(String string) {
            count = 1;
            token = JsonToken.VALUE_STRING;
            value = string;
            length = string.length();
        }

        void read(JsonParser parser, JsonToken valueToken) throws IOException {
            count++;
            token = valueToken;
            value = null;
            isLong = false;
            if (valueToken == JsonToken.VALUE_STRING) {
                // a long string of a short field is refused by its length: not copied, not matched
                length = parser.getTextLength();
                if (length <= maxKeptLength) {
                    value = parser.getText();
                }
            } else if (valueToken == JsonToken.VALUE_NUMBER_INT) {
                JsonParser.NumberType type = parser.getNumberType();
                isLong = type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG;
                if (isLong) {
                    number = parser.getLongValue();
                }
            } else {
                parser.skipChildren();
            }
        }

        String givenTwice() {
            return '"' + name + "\" is given more than once";
        }

        /** What is wrong with a required string field; {@code null} when it is one, kept in {@link #value} or too long to be. */
        String problemAsString() {
            if (count == 0) {
                return "body has no \"" + name + "\" field";
            }
            if (count > 1) {
                return givenTwice();
            }
            if (token != JsonToken.VALUE_STRING) {
                return '"' + name + "\" must be a string, was " + typeName(token);
            }
            return null;
        }

        /** What is wrong with an optional integer field; {@code null} when it is absent or an integer of {@code min..max}. */
        String problemAsInteger(long min, long max, String rule) {
            if (count == 0) {
                return null;
            }
            if (count > 1) {
                return givenTwice();
            }
            if (isLong && number >= min && number <= max) {
                return null;
            }
            return '"' + name + "\" must be " + rule + ", was " + described();
        }

        /** The value in words: its type, or the integer itself, which is short and harmless. */
        String described() {
            if (token == JsonToken.VALUE_NUMBER_INT) {
                return isLong ? Long.toString(number) : "an integer out of range";
            }
            if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                return "a number with a fraction or an exponent";
            }
            return typeName(token);
        }
    }
}
