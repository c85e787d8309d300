${entity.samplesJson}
