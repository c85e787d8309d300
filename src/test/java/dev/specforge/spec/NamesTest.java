package dev.specforge.spec;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NamesTest {

    @ParameterizedTest
    @CsvSource({"pet_status,PetStatus", "200-response,Model200Response", "String,String", "HTTPServer,HTTPServer",
            "'',Model", "user name,UserName", "Déjà vu,DejaVu", "con,ConModel", "Object,Object"})
    void should_make_neutral_type_names_with_no_language_escape(String raw, String expected) {
        assertThat(Names.typeName(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"user-name,userName", "class,class", "2fa,_2fa", "@type,type", "hashCode,hashCode",
            "ID,id", "URLPath,urlPath", "record,record", "'',value", "getClass,getClass", "function,function"})
    void should_make_neutral_member_names_with_no_language_escape(String raw, String expected) {
        assertThat(Names.memberName(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"in-progress,IN_PROGRESS", "1st,_1ST", "'',EMPTY", "fooBar,FOO_BAR"})
    void should_make_valid_constant_names(String raw, String expected) {
        assertThat(Names.constantName(raw)).isEqualTo(expected);
    }

    @Test
    void should_hand_out_case_insensitively_unique_names() {
        Names.Unique unique = new Names.Unique();
        assertThat(unique.claim("Pet")).isEqualTo("Pet");
        assertThat(unique.claim("PET")).isEqualTo("PET2");
        assertThat(unique.claim("Pet")).isEqualTo("Pet3");
    }

    @Test
    void should_warn_of_a_clash_with_the_spec_names_invisible_characters_shown_as_escapes() {
        java.util.List<String> warnings = new java.util.ArrayList<>();
        Names.Unique unique = new Names.Unique(warnings, "property names of Account");
        unique.claim("userName", "userName");
        String raw = "user\u200dName\u202e\t";
        assertThat(unique.claim(Names.memberName(raw), raw)).isEqualTo("userName2");

        assertThat(warnings).containsExactly("property names of Account: 'userName' and 'user\\u200DName\\u202E\\t'"
                + " both become the identifier 'userName'; 'user\\u200DName\\u202E\\t' is 'userName2'");
    }
}
