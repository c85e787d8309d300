package dev.specforge.io;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Jackson's standard JSON escapes (RFC 8259 section 7) plus {@code \}{@code uXXXX} escapes for every character
 * {@link InvisibleCharacters#hidden} names (format characters such as bidirectional controls and zero-width
 * characters, C1 controls, DEL, U+2028 and U+2029). JSON the templates print (the contract and OpenAPI documents,
 * samples) then keeps such characters of the spec as data, visibly escaped, instead of raw (where the last step of
 * rendering would remove them and change the data).
 */
public final class HiddenJsonEscapes extends CharacterEscapes {

    private static final int[] ASCII = CharacterEscapes.standardAsciiEscapesForJSON();

    static {
        ASCII[0x7f] = CharacterEscapes.ESCAPE_CUSTOM;
    }

    /** Shared instance (stateless). */
    public static final HiddenJsonEscapes INSTANCE = new HiddenJsonEscapes();

    private HiddenJsonEscapes() {
    }

    /**
     * @param mapper a mapper whose generators should escape hidden characters
     * @return the same mapper
     */
    public static ObjectMapper install(ObjectMapper mapper) {
        mapper.getFactory().setCharacterEscapes(INSTANCE);
        return mapper;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ASCII;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return InvisibleCharacters.hidden(ch) ? new SerializedString(String.format("\\u%04x", ch)) : null;
    }
}
