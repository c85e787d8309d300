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
}
