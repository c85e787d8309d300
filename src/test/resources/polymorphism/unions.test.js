'use strict';

// A JSON instance of each concrete type validates through its supertype or union model, and normalizes as that
// type; a wrong discriminator value, a missing required property of the subtype or a property of another subtype
// is refused with a violation naming where and why.
const test = require('node:test');
const assert = require('node:assert/strict');
const models = require('../src/models');
const { validateObject, normalize } = require('../src/models/validate');
const { parseJson, toJson } = require('../src/json');

/** @returns {string[][]} the [pointer, rule, detail] of each violation of the JSON text as the union */
function check(union, text) {
  return models[union].validate(parseJson(text)).map((v) => [v.pointer, v.rule, v.detail]);
}

const accepted = [
  ['Pet', '{"name":"Tom","petType":"Cat","huntingSkill":"lazy"}', 'Cat'],
  ['Pet', '{"name":"Rex","petType":"Dog","packSize":3}', 'Dog'],
  ['Animal', '{"kind":"whale","songs":["a"]}', 'Whale'],
  ['Animal', '{"kind":"bat","weight":0.5,"wingspan":0.25}', 'Bat'],
  ['Animal', '{"kind":"bird","canFly":true}', 'Bird'],
  ['Mammal', '{"kind":"whale","furColour":"grey"}', 'Whale'],
  ['VehicleResponse', '{"vehicleType":"car","wheels":4}', 'Car'],
  ['VehicleResponse', '{"vehicleType":"bike","wheels":2}', 'Bike'],
  ['Adoptable', '{"species":"hamster","wheelTurns":3,"nickname":"H"}', 'AdoptableHamster'],
  ['Adoptable', '{"species":"parrot","words":["hello"]}', 'AdoptableParrot'],
  ['AdoptableAnimal', '{"species":"parrot","words":["hello"]}', 'Parrot'],
];

for (const [union, text, type] of accepted) {
  test(`${text} is a valid ${union}, a ${type}, and comes back as sent`, () => {
    assert.deepEqual(check(union, text), []);
    assert.deepEqual(validateObject(models[type], parseJson(text)), []);
    assert.deepEqual(JSON.parse(toJson(models[union].normalize(parseJson(text)))), JSON.parse(text));
  });
}

test('the discriminator value names the model that checks the value', () => {
  assert.equal(models.Pet.mapping.get('Cat'), 'Cat');
  assert.equal(models.Animal.mapping.get('whale'), 'Whale');
  assert.equal(models.Adoptable.mapping.get('hamster'), 'AdoptableHamster');
  // a Dog's property on a Cat: the Cat model checks it, and refuses it
  assert.deepEqual(check('Pet', '{"name":"Tom","petType":"Cat","huntingSkill":"lazy","packSize":2}').map((v) => v[0]),
    ['/packSize']);
});

test('an unknown or absent discriminator value is refused, naming the property and the values allowed', () => {
  assert.deepEqual(check('Pet', '{"name":"Tom","petType":"Cow"}'),
    [['/petType', 'discriminator', 'must be one of: Cat, Dog']]);
  assert.deepEqual(check('Adoptable', '{"species":"cat"}'),
    [['/species', 'discriminator', 'must be one of: hamster, parrot']]);
  assert.deepEqual(check('Pet', '{"name":"Tom"}'), [['/petType', 'required', 'is required']]);
  assert.deepEqual(check('Animal', '[1]').map((v) => v[1]), ['type']);
});

test("a subtype's missing required property is refused", () => {
  assert.deepEqual(check('Pet', '{"name":"Tom","petType":"Cat"}').map((v) => [v[0], v[1]]),
    [['/huntingSkill', 'required']]);
  assert.deepEqual(check('Animal', '{"kind":"whale","canFly":true}').map((v) => [v[0], v[1]]),
    [['/canFly', 'additionalProperties']]);
});

test('a field of a union type is checked through the union, in lists too', () => {
  const ok = '{"animals":[{"kind":"bird","canFly":false},{"kind":"whale"}],'
    + '"star":{"name":"Tom","petType":"Cat","huntingSkill":"lazy"}}';
  assert.deepEqual(models.Zoo.validate(parseJson(ok)), []);
  assert.deepEqual(JSON.parse(toJson(normalize(models.Zoo, parseJson(ok)))), JSON.parse(ok));
  const bad = '{"animals":[{"kind":"fish"}],"star":{"name":"Tom","petType":"Dog","huntingSkill":"lazy"}}';
  assert.deepEqual(models.Zoo.validate(parseJson(bad)).map((v) => [v.pointer, v.rule]),
    [['/animals/0/kind', 'discriminator'], ['/star/huntingSkill', 'additionalProperties']]);
});
