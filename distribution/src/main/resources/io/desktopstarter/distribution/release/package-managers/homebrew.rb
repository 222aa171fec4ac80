cask "${package}" do
  version "${version}"
  sha256 "${sha256}"

  url "${url}"
  name "${name} (${shell})"
  desc "${description}"
  homepage "${homepage}"

  app "${name}.app"

  zap trash: "~/Library/Application Support/${appId}"
end
