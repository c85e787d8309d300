package model

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// A JSON instance of each concrete type decodes through its supertype or union into that type, and encodes back to
// the same JSON; a wrong discriminator value or a missing required property is refused.
func TestUnionsRoundTrip(t *testing.T) {
	pet := func(b []byte) (any, error) { return ParsePet(b) }
	animal := func(b []byte) (any, error) { return ParseAnimal(b) }
	mammal := func(b []byte) (any, error) { return ParseMammal(b) }
	vehicle := func(b []byte) (any, error) { return ParseVehicleResponse(b) }
	adoptable := func(b []byte) (any, error) { return ParseAdoptable(b) }
	adoptableAnimal := func(b []byte) (any, error) { return ParseAdoptableAnimal(b) }
	zoo := func(b []byte) (any, error) { return parse(b, DecodeZoo) }
	cases := []struct {
		parse func([]byte) (any, error)
		json  string
		want  string
	}{
		{pet, `{"name":"Tom","petType":"Cat","huntingSkill":"lazy"}`, "model.Cat"},
		{pet, `{"name":"Rex","petType":"Dog","packSize":3}`, "model.Dog"},
		{animal, `{"kind":"whale","songs":["a"]}`, "model.Whale"},
		{animal, `{"kind":"bat","weight":0.5,"wingspan":0.25}`, "model.Bat"},
		{animal, `{"kind":"bird","canFly":true}`, "model.Bird"},
		{mammal, `{"kind":"whale","furColour":"grey"}`, "model.Whale"},
		{vehicle, `{"vehicleType":"car","wheels":4}`, "model.Car"},
		{vehicle, `{"vehicleType":"bike","wheels":2}`, "model.Bike"},
		{adoptable, `{"species":"hamster","wheelTurns":3,"nickname":"H"}`, "model.AdoptableHamster"},
		{adoptable, `{"species":"parrot","words":["hello"]}`, "model.AdoptableParrot"},
		{adoptableAnimal, `{"species":"parrot","words":["hello"]}`, "model.Parrot"},
		{zoo, `{"animals":[{"kind":"bird","canFly":false},{"kind":"whale"}],"star":{"name":"Tom","petType":"Cat","huntingSkill":"lazy"}}`, "model.Zoo"},
	}
	for _, c := range cases {
		got, err := c.parse([]byte(c.json))
		if err != nil {
			t.Errorf("%s: %v", c.json, err)
			continue
		}
		if typ := fmt.Sprintf("%T", got); typ != c.want {
			t.Errorf("%s: decoded as %s, want %s", c.json, typ, c.want)
		}
		out, err := json.Marshal(got)
		if err != nil {
			t.Errorf("%s: %v", c.json, err)
			continue
		}
		var in, back any
		_ = json.Unmarshal([]byte(c.json), &in)
		_ = json.Unmarshal(out, &back)
		if !reflect.DeepEqual(in, back) {
			t.Errorf("%s: encoded back as %s", c.json, out)
		}
	}

	z, err := parse([]byte(`{"animals":[{"kind":"bird"},{"kind":"bat"}],"star":{"name":"Rex","petType":"Dog"}}`), DecodeZoo)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := (*z.Animals)[0].(Bird); !ok {
		t.Errorf("animals[0] is a %T, want a Bird", (*z.Animals)[0])
	}
	if _, ok := (*z.Animals)[1].(Bat); !ok {
		t.Errorf("animals[1] is a %T, want a Bat", (*z.Animals)[1])
	}
	if _, ok := (*z.Star).(Dog); !ok {
		t.Errorf("star is a %T, want a Dog", *z.Star)
	}

	// encoding/json (a client, the generated tests) reads union fields through their union too
	var viaJSON Zoo
	if err := json.Unmarshal([]byte(`{"animals":[{"kind":"bat"}],"star":{"name":"Rex","petType":"Dog"}}`), &viaJSON); err != nil {
		t.Fatal(err)
	}
	if _, ok := (*viaJSON.Animals)[0].(Bat); !ok {
		t.Errorf("animals[0] is a %T, want a Bat", (*viaJSON.Animals)[0])
	}
	if _, ok := (*viaJSON.Star).(Dog); !ok {
		t.Errorf("star is a %T, want a Dog", *viaJSON.Star)
	}
	if err := json.Unmarshal([]byte(`{"star":{"name":"Rex","petType":"Cow"}}`), &viaJSON); err == nil ||
		!strings.Contains(err.Error(), "/star/petType") {
		t.Errorf("a Cow star is read (error %v)", err)
	}

	refused := []struct {
		parse func([]byte) (any, error)
		json  string
		says  string
	}{
		{pet, `{"name":"Tom","petType":"Cow","huntingSkill":"lazy"}`, "Cat, Dog"},
		{pet, `{"name":"Tom","huntingSkill":"lazy"}`, "/petType"},
		{pet, `{"name":"Tom","petType":"Cat"}`, "/huntingSkill"},
		{animal, `{"kind":"whale","canFly":true}`, "/canFly"},
		{adoptable, `{"species":"cat"}`, "hamster, parrot"},
		{zoo, `{"star":{"name":"Tom","petType":"Cat","packSize":2}}`, "/star/packSize"},
	}
	for _, c := range refused {
		if got, err := c.parse([]byte(c.json)); err == nil {
			t.Errorf("%s: accepted as %T", c.json, got)
		} else if !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s: %v does not say %q", c.json, err, c.says)
		}
	}
}
